package org.hall24.device.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the platform reaches the device broker.
 *
 * @param embedded run the broker inside the application (default); {@code false} to use an
 *        external broker (Mosquitto, EMQX) at {@code url}
 * @param port the embedded broker's TCP port on all interfaces; never 1883, which a real broker
 *        may hold
 * @param url the broker the platform's client connects to; defaults to the embedded broker
 * @param platformUsername the platform client's username (its ACL allows every hall's topics)
 * @param platformPassword the platform client's password; required for an external broker,
 *        generated at each start for the embedded one when unset
 * @param sharedSubscriptionGroup when set, the platform subscribes with
 *        {@code $share/<group>/...} so that several application nodes consume each message once
 *        (external brokers only)
 */
@ConfigurationProperties("hall24.mqtt")
public record MqttProperties(
        @Nullable Boolean embedded,
        @Nullable Integer port,
        @Nullable String url,
        @Nullable String platformUsername,
        @Nullable String platformPassword,
        @Nullable String sharedSubscriptionGroup) {

    public static final int DEFAULT_PORT = 18830;

    public boolean isEmbedded() {
        return embedded == null || embedded;
    }

    public int brokerPort() {
        return port == null ? DEFAULT_PORT : port;
    }

    public String brokerUrl() {
        return url != null && !url.isBlank() ? url : "tcp://127.0.0.1:" + brokerPort();
    }

    public String platformUser() {
        return platformUsername == null || platformUsername.isBlank() ? "hall24-platform" : platformUsername;
    }
}
