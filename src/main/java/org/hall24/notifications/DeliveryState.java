package org.hall24.notifications;

/**
 * Where a message is (docs/notifications.md, "Delivery states"). A message is queued in its
 * sender's transaction, then moves only forward:
 *
 * <pre>
 * QUEUED → SENDING → SUBMITTED → DELIVERED
 *                  ↘ TEMPORARY_FAILURE → SENDING … (retried with back-off, up to a limit)
 *                  ↘ PERMANENT_FAILURE / EXPIRED / LOGGED
 * </pre>
 */
public enum DeliveryState {
    /** Waiting for the dispatcher. */
    QUEUED(false),
    /** Claimed by a dispatcher, which is handing it to the provider now (attempt counted before the call). */
    SENDING(false),
    /** The provider accepted it and gave its id; no delivery receipt yet. Final for e-mail (SMTP reports no delivery). */
    SUBMITTED(false),
    /** The carrier's delivery receipt says it reached the phone. */
    DELIVERED(true),
    /** The last attempt failed in a way that may pass later (provider down, throttled, time-out); retried at {@code next_at}. */
    TEMPORARY_FAILURE(false),
    /** The provider refused it for good (invalid number, rejected), or the retries ran out. */
    PERMANENT_FAILURE(true),
    /** Not delivered in time: the carrier gave up, or it was still unsent when it stopped being useful (a code that expired). */
    EXPIRED(true),
    /** Written to the log only: the {@code log} provider sends nothing. Never reached anyone. */
    LOGGED(true);

    private final boolean terminal;

    DeliveryState(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether nothing more will happen to the message (its text is then redacted). */
    public boolean isTerminal() {
        return terminal;
    }

    /** Whether an admin may send it again. */
    public boolean isRetryable() {
        return this == PERMANENT_FAILURE || this == EXPIRED || this == TEMPORARY_FAILURE;
    }

    public String messageKey() {
        return "notifications.state." + name();
    }
}
