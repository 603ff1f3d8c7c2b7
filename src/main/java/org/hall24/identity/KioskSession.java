package org.hall24.identity;

import java.time.Instant;
import java.util.UUID;

import org.hall24.shared.MobileNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's session at one kiosk, from the ID card read to the end. A snapshot: the session
 * moves on in {@link KioskSessions}; read it again for the current state. {@link #toString()} is
 * masked.
 *
 * @param id the session's id
 * @param deviceCode the kiosk
 * @param stage where the identification stands
 * @param person who put the card on the reader
 * @param challenge the session's nonce and card hash, sent to the kiosk; the kiosk's reports sign over it
 * @param enterprise the enterprise the person acts for, once declared ({@link KioskSessions#declareEnterprise})
 * @param verifiedPhone the phone proved by an SMS code in this session, if any
 * @param faceAttempts refused face reports so far
 * @param maxFaceAttempts refused face reports after which the staff-assisted check is offered
 * @param startedAt when the card was read
 * @param lastActivity the last touch, key press or request at the kiosk
 * @param expiresAt when the session ends for inactivity unless touched again
 */
public record KioskSession(UUID id, String deviceCode, Stage stage, Person person, SessionChallenge challenge,
        @Nullable UnifiedSocialCreditCode enterprise, @Nullable MobileNumber verifiedPhone, int faceAttempts,
        int maxFaceAttempts, Instant startedAt, Instant lastActivity, Instant expiresAt) {

    /** Where a session's identification stands. */
    public enum Stage {
        /** The card was read; waiting for the terminal's face report. */
        AWAITING_FACE,
        /** The face attempts are used up; the staff-assisted check is offered. */
        FALLBACK_OFFERED,
        /** The citizen asked for the staff-assisted check; a staff member decides on /admin/kiosks/assist. */
        AWAITING_STAFF,
        /** The person is verified (face or staff); the journey may go on. */
        VERIFIED,
        /** Over; nothing personal is kept. */
        ENDED
    }

    /** Whether the person was verified, so the journey may go on. */
    public boolean verified() {
        return stage == Stage.VERIFIED;
    }

    /** Whether the session acts for an enterprise. */
    public boolean forEnterprise() {
        return enterprise != null;
    }

    @Override
    public String toString() {
        return "KioskSession[id=" + id + ", deviceCode=" + deviceCode + ", stage=" + stage + ", person=" + person
                + ", faceAttempts=" + faceAttempts + "/" + maxFaceAttempts + ", expiresAt=" + expiresAt + "]";
    }
}
