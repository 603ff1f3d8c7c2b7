package org.hall24.notifications;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hall24.shared.MobileNumber;

/**
 * One-time codes sent by SMS to prove that a person holds a phone: a kiosk verifying the phone an
 * item's notifications go to, or a citizen opening a filing's progress. Codes are 6 digits, stored
 * only as a keyed hash, expire, allow a few wrong tries, and are rate-limited per phone.
 */
public interface VerificationCodes {

    /**
     * Sends a fresh code to the phone.
     *
     * @param purpose what the code unlocks, e.g. {@code kiosk-phone} or {@code track:<filing number>}; a code
     *                only verifies for the purpose it was issued for
     * @param template the SMS template ({@link Notifications#sendSms}); it takes {@code code} and {@code minutes}
     *                 (the validity), and {@code extraValues}
     * @return the challenge to verify against
     * @throws TooManyCodesException if the phone was sent too many codes lately
     */
    Challenge issue(String purpose, MobileNumber phone, String template, Locale locale, Map<String, String> extraValues);

    /**
     * Opens a challenge whose code is sent later, if at all ({@link #send}). For a lookup that must
     * answer the same whether or not the person it is about exists: the caller opens a challenge for
     * every well-formed request, and sends its code only where there is a phone to send it to. Until
     * a code is sent, every code is wrong.
     *
     * @param purpose as for {@link #issue}
     * @return the challenge, valid from now
     */
    Challenge open(String purpose);

    /**
     * Sends the code of a challenge opened with {@link #open}, under the same limits per phone as
     * {@link #issue}; refused silently, so the caller's answer never depends on it.
     *
     * @param template as for {@link #issue}
     * @return whether a code was queued: false when the challenge is unknown, already has a code or
     *         has expired, or the phone was sent too many codes lately
     */
    boolean send(UUID challengeId, MobileNumber phone, String template, Locale locale, Map<String, String> extraValues);

    /** Checks a code against a challenge. A code verifies at most once. */
    Result verify(UUID challengeId, String purpose, String code);

    /** An issued challenge: its id, and when it expires. */
    record Challenge(UUID id, Duration validFor) {
    }

    enum Result {
        /** Right code, in time, first use. */
        VERIFIED,
        /** Wrong code; tries remain. */
        WRONG,
        /** Too many wrong codes, or expired, or already used, or unknown: issue a new one. */
        EXPIRED
    }

    /** The phone was sent too many codes lately; {@link #retryAfter()} says when it may ask again. */
    class TooManyCodesException extends RuntimeException {

        private final Duration retryAfter;

        public TooManyCodesException(Duration retryAfter) {
            super("too many verification codes for this phone; retry after " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
