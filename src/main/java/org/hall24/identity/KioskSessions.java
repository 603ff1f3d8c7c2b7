package org.hall24.identity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hall24.notifications.VerificationCodes;
import org.hall24.shared.MobileNumber;
import org.hall24.shared.UnifiedSocialCreditCode;

/**
 * The citizens' sessions at the kiosks: at most one per kiosk device, kept in memory
 * (docs/adr/0009-kiosk-sessions-in-memory.md). A session starts when the kiosk's card reader reads
 * a valid, unexpired ID card (a new card ends the previous session with {@link SessionEnd#NEW_CARD}),
 * draws the session's {@link SessionChallenge} and sends it to the kiosk ({@code face-check} command,
 * off the caller's thread), waits for the terminal's face report made for that challenge
 * ({@link FaceVerifier}), offers the staff-assisted check after
 * {@code hall24.identity.face.max-attempts} refusals, and ends on request or after
 * {@link #inactivityTimeout()} without activity, forgetting everything personal.
 * <p>
 * Publishes {@link KioskSessionStarted}, {@link KioskSessionChanged} (what the screen shows changed),
 * {@link KioskSessionTouched} (activity moved the deadline), {@link KioskSessionVerified},
 * {@link KioskSessionEnded} (in memory, no personal data) and, for the audit trail,
 * {@link CardRefused}, {@link FaceCheckRecorded}, {@link AssistedCheckDecided}, {@link CardPhotoViewed}
 * (masked data only).
 * <p>
 * Operations on a session that does not exist (ended, or never started) throw
 * {@link KioskSessionException} with reason key {@code identity.session.gone}; operations at the
 * wrong stage throw it with {@code identity.session.wrong-stage}.
 */
public interface KioskSessions {

    /** The live session at a kiosk, if any. */
    Optional<KioskSession> current(String deviceCode);

    /** A live session by id; empty once ended. */
    Optional<KioskSession> find(UUID id);

    /** Activity at the kiosk: pushes the inactivity deadline to now + {@link #inactivityTimeout()}. No-op for an ended session. */
    void touch(UUID id);

    /** Ends the session (no-op if it already ended), forgets the person and publishes {@link KioskSessionEnded}. */
    void end(UUID id, SessionEnd reason);

    /**
     * The verified person acts for an enterprise (an enterprise clerk identified by their own card).
     * Parse the citizen's input with {@link #enterpriseCode(String)}.
     *
     * @throws KioskSessionException if the session is gone or not verified
     */
    KioskSession declareEnterprise(UUID id, UnifiedSocialCreditCode code);

    /**
     * The citizen asks a staff member to confirm them (after the face attempts ran out, or at once).
     *
     * @throws KioskSessionException if the session is gone, verified or already waiting
     */
    KioskSession requestAssistedCheck(UUID id);

    /**
     * A staff member confirmed the person: the session is verified ({@code method = staff}).
     *
     * @throws KioskSessionException if the session is gone or does not wait for staff
     */
    KioskSession approveAssistedCheck(UUID id, String staffUsername);

    /**
     * A staff member could not confirm the person: the session ends with {@link SessionEnd#FACE_REFUSED}.
     *
     * @return the session as it was when ended (stage {@link KioskSession.Stage#ENDED})
     * @throws KioskSessionException if the session is gone or does not wait for staff
     */
    KioskSession rejectAssistedCheck(UUID id, String staffUsername);

    /**
     * Why the session's last face report was refused, for the kiosk screen; empty before the first
     * refusal and once verified or ended.
     */
    Optional<FaceVerdict.Outcome> lastFaceRefusal(UUID id);

    /** Sessions waiting for a staff decision, oldest first. */
    List<KioskSession> awaitingStaff();

    /**
     * The card photo of a session waiting for staff, for the staff member's eyes only; the look is
     * audited ({@link CardPhotoViewed}). Empty once the session is verified or ended (the photo is dropped).
     */
    Optional<byte[]> cardPhotoForStaff(UUID id, String staffUsername);

    /**
     * Sends an SMS code to the phone the citizen typed (purpose {@code kiosk-phone:<session id>},
     * template {@code verification-code}).
     *
     * @throws KioskSessionException if the session is gone or not verified
     * @throws VerificationCodes.TooManyCodesException if the phone got too many codes lately
     */
    VerificationCodes.Challenge sendPhoneCode(UUID id, MobileNumber phone, Locale locale);

    /**
     * Checks the code of the last {@link #sendPhoneCode}; {@link PhoneCheck#VERIFIED} stores the phone on
     * the session as {@link KioskSession#verifiedPhone()}.
     *
     * @throws KioskSessionException if the session is gone
     */
    PhoneCheck verifyPhone(UUID id, String code);

    /** How long a session lives without activity ({@code hall24.kiosk.inactivity-timeout}, default 120 s). */
    Duration inactivityTimeout();

    /**
     * Reads an enterprise's unified social credit code as typed at a kiosk.
     *
     * @throws KioskSessionException with reason key {@code identity.enterprise.FORMAT} or
     *         {@code identity.enterprise.CHECK_CHARACTER}
     */
    static UnifiedSocialCreditCode enterpriseCode(String text) {
        String normalised = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        var problem = UnifiedSocialCreditCode.problemOf(normalised);
        if (problem.isPresent()) {
            throw new KioskSessionException("identity.enterprise." + problem.get().name(),
                    "not a valid unified social credit code: " + problem.get());
        }
        return new UnifiedSocialCreditCode(normalised);
    }
}
