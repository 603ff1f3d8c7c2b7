package org.hall24.identity;

/**
 * The face policy port. The default implementation trusts the terminal's certified face module for
 * the comparison itself and applies the platform's policy to its signed report: an HMAC-SHA-256
 * signature under {@code hall24.identity.face.report-key}, made for this very session (its
 * {@link SessionChallenge}), liveness required, score at least {@code hall24.identity.face.threshold}.
 * Another bean of this type (e.g. a platform-side matcher that compares the card photo itself)
 * replaces it; it too must refuse a report that was not made for {@code session}.
 */
public interface FaceVerifier {

    /**
     * @param report the terminal's report
     * @param session the challenge of the session the report arrived for (the kiosk's current session)
     * @param cardPhoto the photo read from the ID card (JPEG), for implementations that compare themselves
     */
    FaceVerdict verify(FaceReport report, SessionChallenge session, byte[] cardPhoto);
}
