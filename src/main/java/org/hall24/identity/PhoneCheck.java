package org.hall24.identity;

/** The outcome of {@link KioskSessions#verifyPhone}. */
public enum PhoneCheck {
    /** Right code: the phone is stored on the session as {@link KioskSession#verifiedPhone()}. */
    VERIFIED,
    /** Wrong code; the citizen may try again. */
    WRONG,
    /** Too many wrong codes, expired, already used, or no code was sent: send a new one. */
    EXPIRED;

    public String messageKey() {
        return "identity.phone-check." + name();
    }
}
