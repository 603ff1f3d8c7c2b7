package org.hall24.notifications;

import org.jspecify.annotations.Nullable;

/**
 * Which messages to list.
 *
 * @param state only these, or all
 * @param channel only these, or all
 * @param recipient only those to this phone or address (compared in full, never by a part), or all
 * @param template only those of this event, or all
 * @param page from 0
 * @param size at most 200
 */
public record OutboxQuery(@Nullable DeliveryState state, @Nullable Channel channel, @Nullable String recipient,
        @Nullable String template, int page, int size) {

    public OutboxQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be 1 to 200");
        }
    }

    public static OutboxQuery latest(int size) {
        return new OutboxQuery(null, null, null, null, 0, size);
    }
}
