package org.hall24.identity;

import java.util.UUID;

/**
 * What a kiosk's certified face module reported: it compared the live face with the card photo.
 *
 * @param deviceCode the kiosk
 * @param eventId the device event's id (covered by the signature, so a report cannot be replayed)
 * @param score similarity, 0 to 1
 * @param liveness whether the module judged the face live
 * @param signature the module's signature of the report
 */
public record FaceReport(String deviceCode, UUID eventId, double score, boolean liveness, String signature) {

    /** The text a terminal signs: {@code <device>|<event id>|<score>|<liveness>}, score as Java's {@code Double.toString}. */
    public String signedText() {
        return signedText(deviceCode, eventId.toString(), score, liveness);
    }

    public static String signedText(String deviceCode, String eventId, double score, boolean liveness) {
        return deviceCode + "|" + eventId + "|" + score + "|" + liveness;
    }

    @Override
    public String toString() {
        return "FaceReport[deviceCode=" + deviceCode + ", eventId=" + eventId + ", score=" + score + ", liveness=" + liveness + "]";
    }
}
