package org.hall24.notifications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox, as admins see it: never the recipient in full, never a live one-time
 * code or a link that grants access (those are masked in {@link #text} and {@link #subject}).
 *
 * @param template the event it tells of
 * @param recipient masked ({@code 138****5678}, {@code z***@example.cn})
 * @param subject the e-mail's subject, masked as the text; null for SMS
 * @param text the rendered text with its secrets masked
 * @param attempts how many times a provider was asked
 * @param provider the provider of the last attempt ({@code smpp}, {@code smtp}, {@code log})
 * @param providerId the provider's id for it (the SMSC's message id of its first part, the Message-ID)
 * @param providerAnswer the provider's last answer (a command status, an SMTP reply, a receipt's status)
 * @param resendable whether {@link Notifications#retry} can send it again (failed, and its text still held)
 */
public record OutboxMessage(UUID id, Channel channel, String template, String recipient, @Nullable String subject, String text,
        DeliveryState state, int attempts, int parts, @Nullable String provider, @Nullable String providerId,
        @Nullable String providerAnswer, Instant createdAt, Instant nextAt, @Nullable Instant submittedAt,
        @Nullable Instant finishedAt, boolean resendable) {

    /**
     * One attempt to send a message.
     *
     * @param outcome the state the attempt left the message in, null while it runs
     * @param by {@code dispatcher@<node>}, or the admin who asked for a retry
     */
    public record Attempt(int number, Instant startedAt, @Nullable Instant endedAt, @Nullable DeliveryState outcome,
            @Nullable String answer, String by) {
    }
}
