package org.hall24.identity;

/**
 * A kiosk read an ID card that starts no session. Carries only the masked ID number; published
 * for the audit trail and for the kiosk screen, which shows {@link Reason#messageKey()}.
 *
 * @param maskedIdNumber the ID number as {@code 5001**********1234}
 */
public record CardRefused(String deviceCode, String maskedIdNumber, Reason reason) {

    /** Why the card was refused. */
    public enum Reason {
        /** Not 17 digits and a digit or X. */
        MALFORMED,
        /** The region digits name no region. */
        UNKNOWN_REGION,
        /** The birth date is no real date, or in the future. */
        INVALID_BIRTH_DATE,
        /** The check character does not match (GB 11643). */
        BAD_CHECK_DIGIT,
        /** The card's validity ended before today. */
        EXPIRED,
        /** The card's data could not be read (dates). */
        UNREADABLE;

        public String messageKey() {
            return "identity.card-refused." + name();
        }
    }
}
