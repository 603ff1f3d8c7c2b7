package org.hall24.device.internal;

/**
 * Where the embedded broker listens, resolved at start-up: the bind address
 * ({@code hall24.mqtt.host}), the plain-TCP port ({@code hall24.mqtt.port}) and the TLS port
 * ({@code hall24.mqtt.tls.port}); a port configured as {@code 0} is a free one picked here (tests),
 * a listener that is off has {@link #OFF}. Only present when the broker is embedded.
 *
 * @param value the plain-TCP port, or {@link #OFF} ({@code hall24.mqtt.plain-enabled=false})
 * @param host the address both listeners bind to, e.g. {@code 127.0.0.1}
 * @param tlsPort the TLS port, or {@link #OFF} (no {@code hall24.mqtt.tls.port})
 */
public record EmbeddedBrokerPort(int value, String host, int tlsPort) {

    public static final int OFF = -1;

    /** A plain listener on loopback only, as tests use. */
    public EmbeddedBrokerPort(int value) {
        this(value, MqttProperties.DEFAULT_HOST, OFF);
    }

    public boolean plain() {
        return value != OFF;
    }

    public boolean tls() {
        return tlsPort != OFF;
    }

    /** The plain listener's address for a client on this machine, e.g. {@code tcp://127.0.0.1:18830}. */
    public String plainUrl() {
        return "tcp://" + MqttProperties.connectHost(host) + ":" + value;
    }

    /** The TLS listener's address for a client on this machine, e.g. {@code ssl://127.0.0.1:18831}. */
    public String tlsUrl() {
        return "ssl://" + MqttProperties.connectHost(host) + ":" + tlsPort;
    }
}
