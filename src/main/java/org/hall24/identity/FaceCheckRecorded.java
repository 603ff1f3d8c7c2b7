package org.hall24.identity;

import java.util.UUID;

/**
 * A face report was judged, for the audit trail. Only masked personal data: this event is stored by
 * the event publication registry.
 *
 * @param maskedIdNumber the person's ID number as {@code 5001**********1234}
 * @param attempt which attempt this was (refused ones count), from 1; 0 for a report that does not
 *        count as an attempt ({@link FaceVerdict.Outcome#OTHER_SESSION}: made for another session)
 * @param verdict accepted, or why refused
 * @param score the reported similarity
 */
public record FaceCheckRecorded(UUID sessionId, String deviceCode, String maskedIdNumber, int attempt,
        FaceVerdict.Outcome verdict, double score) {
}
