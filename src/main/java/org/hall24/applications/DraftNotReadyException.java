package org.hall24.applications;

/** A draft was submitted with an invalid or missing form, or a required electronic material missing. */
public class DraftNotReadyException extends RuntimeException {

    public DraftNotReadyException(String message) {
        super(message);
    }
}
