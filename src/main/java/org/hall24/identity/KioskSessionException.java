package org.hall24.identity;

/**
 * A session operation that cannot be done: no such session, or not at the stage it needs, or an
 * invalid input. {@link #reasonKey()} is a message key to show the citizen.
 */
public class KioskSessionException extends RuntimeException {

    private final String reasonKey;

    public KioskSessionException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}
