package org.hall24.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A kiosk's certified face module compared the visitor's face with the card photo.
 *
 * @param score similarity, 0 to 1
 * @param liveness whether the module judged the face live
 * @param signature the module's signature of its report
 */
public record FaceChecked(String deviceCode, UUID eventId, Instant at, double score, boolean liveness, String signature) {

    @Override
    public String toString() {
        return "FaceChecked[deviceCode=" + deviceCode + ", eventId=" + eventId + ", at=" + at + ", score=" + score
                + ", liveness=" + liveness + "]";
    }
}
