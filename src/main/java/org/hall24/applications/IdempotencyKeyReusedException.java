package org.hall24.applications;

/** An idempotency key already made a filing from another draft. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("the idempotency key was already used for another draft");
    }
}
