package org.hall24.device.internal;

/**
 * The TCP port the embedded broker listens on, resolved at start-up: the configured
 * {@code hall24.mqtt.port}, or a free port when it is {@code 0} (tests). Only present when the
 * broker is embedded.
 */
public record EmbeddedBrokerPort(int value) {
}
