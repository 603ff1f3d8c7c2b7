package org.hall24.device.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import org.hall24.device.DeviceCredentialRevoked;
import org.hall24.device.DeviceCredentialRotated;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * The MQTT 3.1.1 broker inside the application (Moquette), unless {@code hall24.mqtt.embedded}
 * is {@code false}. It listens on all interfaces on {@link EmbeddedBrokerPort} (default 18830,
 * never 1883), keeps sessions in memory only, refuses anonymous clients and applies
 * {@link DeviceBrokerSecurity}. It starts before, and stops after, every other lifecycle bean, so
 * the platform's client and the simulator always find it. A session whose credential is revoked
 * or rotated is closed as soon as the change is committed. {@link MoquetteResendFix} keeps a
 * resent QoS 1 message from stopping it.
 */
@Component
@ConditionalOnProperty(name = "hall24.mqtt.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** Payload limit of the protocol (2 MiB) plus room for the topic and headers. */
    static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024 + 64 * 1024;

    private final EmbeddedBrokerPort port;
    private final DeviceBrokerSecurity security;
    private @Nullable Server server;

    EmbeddedBroker(EmbeddedBrokerPort port, DeviceRegistry registry, PlatformMqttCredentials platform) {
        this.port = port;
        this.security = new DeviceBrokerSecurity(registry, platform);
    }

    @Override
    public synchronized void start() {
        Properties properties = new Properties();
        properties.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "0.0.0.0");
        properties.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port.value()));
        properties.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(BrokerConstants.NETTY_TCP_NODELAY_PROPERTY_NAME, "true");
        properties.setProperty(BrokerConstants.IMMEDIATE_BUFFER_FLUSH_PROPERTY_NAME, "true");
        properties.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
        Server broker = new Server();
        try {
            broker.startServer(new MemoryConfig(properties), List.of(), null, security, security);
            MoquetteResendFix.apply(broker);
        }
        catch (IOException e) {
            throw new UncheckedIOException("The embedded MQTT broker cannot start on port " + port.value(), e);
        }
        server = broker;
        log.info("Embedded MQTT broker listening on port {}", port.value());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
            log.info("Embedded MQTT broker stopped");
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Early start, late stop: the broker outlives its clients. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @TransactionalEventListener
    void on(DeviceCredentialRevoked event) {
        disconnect(event.deviceCode(), "credential revoked");
    }

    @TransactionalEventListener
    void on(DeviceCredentialRotated event) {
        disconnect(event.deviceCode(), "credential rotated");
    }

    private synchronized void disconnect(String deviceCode, String reason) {
        if (server != null && server.disconnectClient(deviceCode)) {
            log.info("Device {} disconnected from the embedded broker: {}", deviceCode, reason);
        }
    }
}
