package org.hall24.kiosk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hall24.device.DeviceType;
import org.jspecify.annotations.Nullable;

/**
 * Binds kiosk browsers to kiosk devices. An admin issues a pairing code for a device (8 digits,
 * single use, valid {@link #CODE_VALIDITY_MINUTES} minutes, stored only as a keyed hash, shown once);
 * the kiosk's browser enters it at {@code /kiosk/pair} and receives a random 256-bit token (stored
 * only as its SHA-256) in the {@code HALL24_KIOSK} cookie. Wrong codes are limited per client address.
 * Issue, pairing and revocation are published as {@link KioskPairingCodeIssued}, {@link KioskPaired},
 * {@link KioskPairingRevoked}, and refused attempts as {@link KioskPairingRefused}, for the audit trail.
 */
public interface KioskPairings {

    int CODE_VALIDITY_MINUTES = 10;

    /**
     * Issues a fresh pairing code for a kiosk; earlier unused codes of the device stop working.
     *
     * @param by the staff member
     * @throws IllegalArgumentException if the device is unknown, retired or not a kiosk
     */
    IssuedPairingCode issueCode(String deviceCode, String by);

    /** Pairs the browser that presents the code, or says why not. */
    PairingOutcome pair(String code, String userAgent, String clientAddress);

    /** The kiosk a token is paired with, if the token is known and not revoked; records it as seen. */
    Optional<PairedKiosk> resolve(String token);

    /** Unpairs a browser: its token is refused from now on. No-op when already revoked. */
    void revoke(UUID pairingId, String by);

    /** Every kiosk device ({@code *_KIOSK} types) with its active pairings. */
    List<KioskDevice> kiosks();

    /** A code as issued: shown once to the admin. */
    record IssuedPairingCode(String deviceCode, String code, Instant expiresAt) {
    }

    /** What {@link #pair} did. */
    sealed interface PairingOutcome {
    }

    /** Paired: put {@code token} in the cookie. */
    record Paired(String token, PairedKiosk kiosk) implements PairingOutcome {
    }

    /** Not paired, and why. */
    record Refused(RefusalReason reason) implements PairingOutcome {
    }

    enum RefusalReason {
        /** No such code (or not 8 digits). */
        WRONG,
        /** The code's 10 minutes are over, or a newer code replaced it. */
        EXPIRED,
        /** The code paired a browser already. */
        USED,
        /** Too many wrong codes from this address lately. */
        RATE_LIMITED;

        public String messageKey() {
            return "kiosk.pair.error." + name();
        }
    }

    /** A kiosk device and the browsers paired with it. */
    record KioskDevice(String deviceCode, String hallCode, DeviceType type, boolean active, List<Pairing> pairings) {
    }

    /** One paired browser. */
    record Pairing(UUID id, String deviceCode, Instant pairedAt, String userAgent, Instant lastSeen,
            @Nullable Instant revokedAt) {
    }
}
