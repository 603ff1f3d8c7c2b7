package org.hall24.identity;

import java.util.UUID;

/**
 * What a kiosk's certified face module reported: it compared the live face with the photo of the
 * card on the reader, for the session whose {@link SessionChallenge} the platform sent it.
 *
 * @param deviceCode the kiosk (from the topic the report came on, which only that kiosk may publish to)
 * @param eventId the device event's id
 * @param nonce the session nonce the module says it signed for
 * @param cardHash the {@link SessionChallenge#cardHash(String) card hash} the module says it compared against
 * @param score similarity, 0 to 1
 * @param liveness whether the module judged the face live
 * @param signature the module's signature of {@link #signedText()} (base64; blank when unsigned)
 */
public record FaceReport(String deviceCode, UUID eventId, String nonce, String cardHash, double score, boolean liveness,
        String signature) {

    /**
     * The text a face module signs:
     * {@code face-checked|<device>|<event id>|<nonce>|<card hash>|<score>|<liveness>}, score as Java's
     * {@code Double.toString} ({@code 0.93}, {@code 1.0}), liveness {@code true} or {@code false}
     * (docs/device-protocol.md). The leading event type keeps a face report's signature from ever
     * verifying as another kind of report signed over the same session nonce.
     */
    public String signedText() {
        return signedText(deviceCode, eventId.toString(), nonce, cardHash, score, liveness);
    }

    public static String signedText(String deviceCode, String eventId, String nonce, String cardHash, double score,
            boolean liveness) {
        return "face-checked|" + deviceCode + "|" + eventId + "|" + nonce + "|" + cardHash + "|" + score + "|" + liveness;
    }

    @Override
    public String toString() {
        return "FaceReport[deviceCode=" + deviceCode + ", eventId=" + eventId + ", nonce=" + nonce + ", score=" + score
                + ", liveness=" + liveness + "]";
    }
}
