package org.hall24.cabinet;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;

/**
 * Results handed out through the cabinet: staff reserve a compartment for a filing's result (from
 * their workbench), place the result at the cabinet screen, and the citizen — texted a pickup code —
 * takes it out after a second factor (the ID card on the cabinet's reader, or the last six characters
 * of the ID number). A result not taken in time goes back to the counter.
 */
public interface CabinetPickups {

    /**
     * Reserves a compartment of the hall's cabinet for the filing's result.
     *
     * @param phone where the pickup code goes
     * @param idNumber the applicant's, kept only as keyed hashes (for the identity check at the cabinet)
     * @param actor who asks, e.g. {@code staff:<username>}
     */
    Reserved reserve(String hallCode, String filingNumber, String itemCode, MobileNumber phone, ChineseIdNumber idNumber, Locale locale,
            String actor);

    /** Where the filing's result stands in the cabinet, if it went that way. */
    Optional<Pickup> pickupOf(String filingNumber);

    /** What {@link #reserve} did. */
    sealed interface Reserved {
    }

    /** A compartment is held for the result until {@code placeBy}; staff place it at the cabinet screen. */
    record Held(String cabinetCode, String compartment, Instant placeBy) implements Reserved {
    }

    /** No compartment: the cabinet is full, offline or absent (then the result goes by counter or mail). */
    record Unavailable(CabinetDeposits.Availability why) implements Reserved {
    }

    /** The filing already has a pickup under way. */
    record AlreadyUnderWay(Pickup pickup) implements Reserved {
    }

    /**
     * A result's way through the cabinet.
     *
     * @param returnDueAt when a placed result not yet taken goes back to the counter
     */
    record Pickup(String filingNumber, String cabinetCode, String compartment, State state, Instant reservedAt, @Nullable Instant placedAt,
            @Nullable Instant returnDueAt, @Nullable Instant finishedAt) {
    }

    enum State {
        /** Reserved; staff have not placed the result yet. */
        WAITING_PLACE,
        /** In the compartment; the citizen has the pickup code. */
        READY,
        /** Taken by the citizen. */
        PICKED_UP,
        /** Not taken in time (or the identity check failed too often): staff take it back to the counter. */
        TO_RETURN,
        /** Back at the counter. */
        RETURNED,
        /** Ended before a result was placed. */
        CANCELLED
    }
}
