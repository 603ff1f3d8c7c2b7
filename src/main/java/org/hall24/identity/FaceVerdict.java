package org.hall24.identity;

/**
 * The platform's judgement of a face report.
 *
 * @param outcome accepted, or why not
 */
public record FaceVerdict(Outcome outcome) {

    public enum Outcome {
        ACCEPTED,
        /** The score is below {@code hall24.identity.face.threshold}. */
        BELOW_THRESHOLD,
        /** The module did not judge the face live. */
        NO_LIVENESS,
        /** The report's signature does not verify: not from a trusted face module, or altered. */
        BAD_SIGNATURE,
        /** The report carries no signature at all. */
        UNSIGNED,
        /**
         * A genuine report, signed by a trusted module, but for another session: another card, a
         * session that ended (a replay, or a report that arrived late), or a session at another
         * kiosk. It says nothing about the person at the kiosk now, so it does not count as one of
         * their attempts.
         */
        OTHER_SESSION;

        public String messageKey() {
            return "identity.face." + name();
        }

        /** Whether a report with this outcome counts as one of the session's face attempts. */
        public boolean countsAsAttempt() {
            return this != OTHER_SESSION;
        }

        /** Whether the report points at a terminal or a link that cannot be trusted (logged as {@code SUSPICIOUS}). */
        public boolean suspicious() {
            return this == BAD_SIGNATURE || this == UNSIGNED || this == OTHER_SESSION;
        }
    }

    public static final FaceVerdict ACCEPTED = new FaceVerdict(Outcome.ACCEPTED);

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
