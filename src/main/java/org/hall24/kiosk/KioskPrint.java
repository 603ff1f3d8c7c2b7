package org.hall24.kiosk;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One print asked of a kiosk's printer (a receipt, an instant item's print-out), first copy or
 * reprint, and where it stands.
 *
 * @param subject what is printed, e.g. {@code receipt:<filing number>}; copies count per subject
 * @param copy 1 for the first print of the subject, one more for each further request
 * @param state where it stands
 * @param code why it failed: the printer's error code ({@code PAPER_OUT}…), why it was not sent
 *             ({@code OFFLINE}, {@code TIMED_OUT}), or {@code EXPIRED} / {@code INTERRUPTED} /
 *             {@code NOT_RENDERED} (see {@link State#FAILED}); {@literal null} otherwise
 * @param message a reason a person can read, when it failed
 * @param endedAt when it was printed or failed
 */
public record KioskPrint(UUID id, String deviceCode, String subject, int copy, State state, @Nullable String code,
        @Nullable String message, Instant requestedAt, @Nullable Instant endedAt) {

    public enum State {
        /** Recorded, waiting for a printer thread. */
        PENDING,
        /** Sent to the kiosk; waiting for the printer's answer. */
        PRINTING,
        /** The printer confirmed it. */
        PRINTED,
        /**
         * Not printed, with a {@link KioskPrint#code()}: the printer's or the command's failure;
         * {@code EXPIRED} when it could not start in time (the person has likely left, and paper with their
         * data must not come out for the next one); {@code INTERRUPTED} when the node stopped while it was
         * being printed (the outcome is unknown: it is not sent again, so it cannot print twice);
         * {@code NOT_RENDERED} when the document could not be made.
         */
        FAILED
    }

    /** Whether it is still to be printed or being printed (the screen says 正在打印). */
    public boolean open() {
        return state == State.PENDING || state == State.PRINTING;
    }

    public boolean printed() {
        return state == State.PRINTED;
    }

    public boolean failed() {
        return state == State.FAILED;
    }
}
