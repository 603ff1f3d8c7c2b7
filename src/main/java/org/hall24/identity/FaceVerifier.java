package org.hall24.identity;

/**
 * The face policy port. The default implementation trusts the terminal's certified face module for
 * the comparison itself and applies the platform's policy to its signed report: an HMAC-SHA-256
 * signature under {@code hall24.identity.face.report-key}, liveness required, score at least
 * {@code hall24.identity.face.threshold}. Another bean of this type (e.g. a platform-side matcher
 * that compares the card photo itself) replaces it.
 */
public interface FaceVerifier {

    /**
     * @param report the terminal's report
     * @param cardPhoto the photo read from the ID card (JPEG), for implementations that compare themselves
     */
    FaceVerdict verify(FaceReport report, byte[] cardPhoto);
}
