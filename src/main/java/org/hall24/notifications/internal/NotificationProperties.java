package org.hall24.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hall24.notifications.*}: the outbox's dispatch (docs/notifications.md).
 *
 * @param batch how many messages a dispatch run claims at once
 * @param lease how long a claimed attempt is its node's; past it, another node takes it over (longer than any provider time-out)
 * @param maxAttempts attempts before a message that keeps failing temporarily is given up (PERMANENT_FAILURE)
 * @param retryInitial the wait after the first failed attempt; it doubles per attempt
 * @param retryMax the longest wait between attempts
 * @param templatesLocation where {@code templates.yaml} is
 */
@ConfigurationProperties("hall24.notifications")
record NotificationProperties(@DefaultValue("10") int batch, @DefaultValue("2m") Duration lease, @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration retryInitial, @DefaultValue("30m") Duration retryMax,
        @DefaultValue("classpath:notifications") String templatesLocation) {

    NotificationProperties {
        if (batch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("hall24.notifications.batch and .max-attempts must be at least 1");
        }
    }
}
