package org.hall24.cabinet;

import java.time.Instant;
import java.util.UUID;

/**
 * The tokens that open a reserved compartment: a QR code (signed with HMAC-SHA-256 under a key id,
 * so keys can be rotated while older tokens stay valid) and an 8-digit short code to type instead.
 * Both are bound to their reservation — its cabinet, compartment and expiry — and used once.
 */
public interface CabinetTokens {

    /** The token of an active reservation; its short code is shown once and stored only as a keyed hash. */
    Issued issue(Reservation reservation);

    /**
     * Checks a scanned QR payload or a typed short code at a cabinet and, if it is good, uses it up.
     *
     * @param by who presents it (the cabinet screen, for the record)
     */
    Redeemed redeem(String cabinetCode, String presented, String by);

    /**
     * Checks a presented token like {@link #redeem} without using it up: {@link Opened} says what it
     * would open (a pickup code is checked first, then used once the citizen's identity is confirmed).
     */
    Redeemed check(String cabinetCode, String presented, String by);

    /**
     * @param qr what the QR code holds
     * @param shortCode eight digits
     */
    record Issued(UUID reservation, String qr, String shortCode, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[" + reservation + "]";
        }
    }

    /** What a presented token turned out to be. */
    sealed interface Redeemed {
    }

    /** Good: the reservation it opens, now used. */
    record Opened(Reservation reservation) implements Redeemed {
    }

    /** Refused, and why (the screen says it in its words; the record keeps the reason). */
    record Refused(Reason reason) implements Redeemed {
    }

    enum Reason {
        /** Not a token of ours: bad form, unknown key, wrong signature, or no such short code. */
        FORGED,
        /** Past its expiry. */
        EXPIRED,
        /** Used already (or its reservation was cancelled). */
        USED,
        /** A token of another cabinet. */
        WRONG_CABINET
    }
}
