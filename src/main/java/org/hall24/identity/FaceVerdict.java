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
        BAD_SIGNATURE;

        public String messageKey() {
            return "identity.face." + name();
        }
    }

    public static final FaceVerdict ACCEPTED = new FaceVerdict(Outcome.ACCEPTED);

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
