package org.hall24.cabinet;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The kiosk's side of a deposit: whether the hall's cabinet can take paper now, and, at the
 * submission of a paper item, a reserved compartment with its token (QR and short code).
 */
public interface CabinetDeposits {

    /** Whether the hall's cabinet could take a deposit now (shown before the citizen starts, and re-checked at submit). */
    Availability availability(String hallCode);

    /**
     * Reserves a compartment for the filing's paper and issues its token, recording the reservation in
     * the envelope's custody chain; in the caller's transaction. Asked again for a filing whose token
     * is still good, it answers that token (a retried submission reserves nothing more).
     *
     * @param itemCode the filing's item: its department collects the paper (its collectors are texted on deposit)
     * @param actor who asks, e.g. {@code kiosk:<device>}
     */
    Offer offer(String hallCode, String filingNumber, String itemCode, String actor);

    /** The filing's deposit token while it can still be used (for the receipt, a reprint, the kiosk's screen). */
    Optional<Ready> tokenOf(String filingNumber);

    /** When and where the filing's paper was deposited, once it was. */
    Optional<Deposited> depositOf(String filingNumber);

    /** The paper is in the cabinet (or was, and has been collected since). */
    record Deposited(String cabinetCode, String compartment, Instant at) {
    }

    /** What the hall's cabinet can do now. */
    sealed interface Availability {
    }

    /** Online with at least one free compartment. */
    record Available(String cabinetCode, int free) implements Availability {
    }

    /** Online but every compartment is reserved, occupied or out of order; {@code nextFreeAt} is when the earliest reservation ends, if any. */
    record Full(String cabinetCode, @Nullable Instant nextFreeAt) implements Availability, Offer {
    }

    /** Not online (offline, in fault, or never reported): no token is issued for a door that cannot open. */
    record Offline(String cabinetCode) implements Availability, Offer {
    }

    /** The hall has no cabinet. */
    record NoCabinet() implements Availability, Offer {
    }

    /** What {@link #offer} did. */
    sealed interface Offer {
    }

    /** Reserved: print and show the token. */
    record Ready(String cabinetCode, String compartment, CabinetTokens.Issued token) implements Offer {
    }
}
