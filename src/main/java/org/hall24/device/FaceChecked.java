package org.hall24.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A kiosk's certified face module compared the visitor's face with the card photo.
 *
 * @param nonce the session nonce the module signed for (sent to it by a {@code face-check} command)
 * @param cardHash SHA-256 hex of the ID number of the card the module compared against; derived
 *        from personal data, left out of {@link #toString()}
 * @param score similarity, 0 to 1
 * @param liveness whether the module judged the face live
 * @param signature the module's signature of its report
 */
public record FaceChecked(String deviceCode, UUID eventId, Instant at, String nonce, String cardHash, double score,
        boolean liveness, String signature) {

    @Override
    public String toString() {
        return "FaceChecked[deviceCode=" + deviceCode + ", eventId=" + eventId + ", at=" + at + ", nonce=" + nonce + ", score=" + score
                + ", liveness=" + liveness + "]";
    }
}
