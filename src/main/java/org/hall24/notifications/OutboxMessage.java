package org.hall24.notifications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox, as admins see it.
 *
 * @param recipient masked ({@code 138****5678})
 * @param text the rendered text
 * @param state where it is
 * @param attempts how many times the provider was asked
 * @param lastError the provider's last refusal, if any
 */
public record OutboxMessage(UUID id, String channel, String recipient, String text, String purpose, State state,
        int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

    public enum State {
        /** Waiting for the dispatcher. */
        PENDING,
        /** The provider accepted it. */
        SENT,
        /** The provider refused it too many times. */
        FAILED
    }
}
