package org.hall24.device.gateway;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How the platform watches its devices.
 *
 * @param gateway the platform's MQTT client
 * @param telemetryTimeoutFactor a device with no telemetry for this many of its intervals is offline (default 3)
 * @param doorOpenAlertAfter a compartment door open longer than this raises {@code DOOR_LEFT_OPEN} (default 60 s)
 * @param healthCheckPeriod how often the platform looks for silent devices and doors left open (default 1 s)
 * @param refusedMessages when a device that keeps sending messages the embedded broker refuses raises an alert
 */
@ConfigurationProperties("hall24.devices")
public record DevicesProperties(
        @Nullable Gateway gateway,
        @Nullable Double telemetryTimeoutFactor,
        @Nullable Duration doorOpenAlertAfter,
        @Nullable Duration healthCheckPeriod,
        @Nullable RefusedMessages refusedMessages) {

    @ConstructorBinding
    public DevicesProperties {
    }

    public DevicesProperties(@Nullable Gateway gateway, @Nullable Double telemetryTimeoutFactor,
            @Nullable Duration doorOpenAlertAfter, @Nullable Duration healthCheckPeriod) {
        this(gateway, telemetryTimeoutFactor, doorOpenAlertAfter, healthCheckPeriod, null);
    }

    /**
     * {@code REFUSED_MESSAGES}: raised when a device's publishes were refused by the embedded
     * broker (too large, or not its topic) {@code alertAfter} times within {@code window}; cleared
     * when a whole {@code window} passes without one.
     *
     * @param alertAfter refused messages that raise the alert (default 3)
     * @param window the window (default 10 min)
     */
    public record RefusedMessages(@Nullable Integer alertAfter, @Nullable Duration window) {
    }

    public int refusedAlertAfter() {
        Integer n = refusedMessages == null ? null : refusedMessages.alertAfter();
        return n == null || n < 1 ? 3 : n;
    }

    public Duration refusedWindow() {
        Duration d = refusedMessages == null ? null : refusedMessages.window();
        return d == null || d.isNegative() || d.isZero() ? Duration.ofMinutes(10) : d;
    }

    /**
     * @param enabled {@code false} leaves the platform without an MQTT client (tests without a broker)
     * @param clientId the platform client's MQTT client id; default {@code hall24-platform-<host name>}, stable
     *        across restarts of a node so that its persistent session (clean session false) survives them
     * @param workers threads that handle device messages, each device's in order (default 4 per core, at most 16)
     * @param queueCapacity messages a device may have waiting to be handled (default 64); when full, the
     *        MQTT client waits for room (QoS 1) or drops the message (QoS 0, a heartbeat the next one replaces)
     * @param replyWorkers threads that handle command replies, apart from the devices' messages (default 2)
     * @param drainTimeout how long a stopping node goes on handling the messages it took (default 5 s); what
     *        is left is not acknowledged, so the broker delivers it again
     */
    public record Gateway(@Nullable Boolean enabled, @Nullable String clientId, @Nullable Integer workers,
            @Nullable Integer queueCapacity, @Nullable Integer replyWorkers, @Nullable Duration drainTimeout) {
    }

    public boolean gatewayEnabled() {
        return gateway == null || gateway.enabled() == null || gateway.enabled();
    }

    public int workers() {
        Integer n = gateway == null ? null : gateway.workers();
        return n == null || n < 1 ? Math.min(4 * Runtime.getRuntime().availableProcessors(), 16) : n;
    }

    public int queueCapacity() {
        Integer n = gateway == null ? null : gateway.queueCapacity();
        return n == null || n < 1 ? 64 : n;
    }

    public int replyWorkers() {
        Integer n = gateway == null ? null : gateway.replyWorkers();
        return n == null || n < 1 ? 2 : n;
    }

    public Duration drainTimeout() {
        Duration d = gateway == null ? null : gateway.drainTimeout();
        return d == null || d.isNegative() ? Duration.ofSeconds(5) : d;
    }

    public double timeoutFactor() {
        return telemetryTimeoutFactor == null ? 3 : telemetryTimeoutFactor;
    }

    public Duration doorOpenLimit() {
        return doorOpenAlertAfter == null ? Duration.ofSeconds(60) : doorOpenAlertAfter;
    }
}
