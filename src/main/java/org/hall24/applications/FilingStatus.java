package org.hall24.applications;

import java.util.EnumSet;
import java.util.Set;

import org.hall24.catalog.HandlingType;

/**
 * Where a filing stands. The one definition of the allowed transitions is {@link #next()}:
 * <pre>
 * SUBMITTED → ACCEPTED → IN_REVIEW → APPROVED | REJECTED | CORRECTION_REQUESTED
 * CORRECTION_REQUESTED → SUBMITTED (the applicant corrected)
 * SUBMITTED, ACCEPTED → WITHDRAWN
 * SUBMITTED → APPROVED (instant items only: the system decides at once)
 * </pre>
 */
public enum FilingStatus {
    /** 已提交. */
    SUBMITTED,
    /** 已受理. */
    ACCEPTED,
    /** 审核中. */
    IN_REVIEW,
    /** 已办结. */
    APPROVED,
    /** 不予办理. */
    REJECTED,
    /** 需补正. */
    CORRECTION_REQUESTED,
    /** 已撤回. */
    WITHDRAWN;

    /** The statuses a filing of an item handled this way may move to; empty for final statuses. */
    public Set<FilingStatus> next(HandlingType handling) {
        Set<FilingStatus> next = next();
        if (this == SUBMITTED && handling == HandlingType.INSTANT) {
            next.add(APPROVED);
        }
        return next;
    }

    /** The statuses a filing of a promised item (承诺件) in this status may move to; empty for final statuses. */
    public Set<FilingStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(IN_REVIEW, WITHDRAWN);
            case IN_REVIEW -> EnumSet.of(APPROVED, REJECTED, CORRECTION_REQUESTED);
            case CORRECTION_REQUESTED -> EnumSet.of(SUBMITTED);
            case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(FilingStatus.class);
        };
    }

    public boolean canMoveTo(FilingStatus to, HandlingType handling) {
        return next(handling).contains(to);
    }

    /** Whether nothing can follow. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The message key of the status's name: {@code applications.status.<NAME>}. */
    public String messageKey() {
        return "applications.status." + name();
    }
}
