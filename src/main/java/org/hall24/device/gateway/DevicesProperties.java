package org.hall24.device.gateway;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the platform watches its devices.
 *
 * @param gateway the platform's MQTT client
 * @param telemetryTimeoutFactor a device with no telemetry for this many of its intervals is offline (default 3)
 * @param doorOpenAlertAfter a compartment door open longer than this raises {@code DOOR_LEFT_OPEN} (default 60 s)
 * @param healthCheckPeriod how often the platform looks for silent devices and doors left open (default 1 s)
 */
@ConfigurationProperties("hall24.devices")
public record DevicesProperties(
        @Nullable Gateway gateway,
        @Nullable Double telemetryTimeoutFactor,
        @Nullable Duration doorOpenAlertAfter,
        @Nullable Duration healthCheckPeriod) {

    /**
     * @param enabled {@code false} leaves the platform without an MQTT client (tests without a broker)
     * @param clientId the platform client's MQTT client id; default {@code hall24-platform-<host name>}, stable
     *        across restarts of a node so that its persistent session (clean session false) survives them
     */
    public record Gateway(@Nullable Boolean enabled, @Nullable String clientId) {
    }

    public boolean gatewayEnabled() {
        return gateway == null || gateway.enabled() == null || gateway.enabled();
    }

    public double timeoutFactor() {
        return telemetryTimeoutFactor == null ? 3 : telemetryTimeoutFactor;
    }

    public Duration doorOpenLimit() {
        return doorOpenAlertAfter == null ? Duration.ofSeconds(60) : doorOpenAlertAfter;
    }
}
