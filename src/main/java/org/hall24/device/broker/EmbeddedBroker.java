package org.hall24.device.broker;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.SSLException;

import org.hall24.device.DeviceCredentialRevoked;
import org.hall24.device.DeviceCredentialRotated;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.internal.BrokerTls;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.device.internal.MqttProperties;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.moquette.BrokerConstants;
import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * The MQTT 3.1.1 broker inside the application (Moquette), unless {@code hall24.mqtt.embedded}
 * is {@code false}. It listens where {@link EmbeddedBrokerPort} says: on {@code hall24.mqtt.host}
 * (default {@code 127.0.0.1}, loopback only), in plain TCP on {@code hall24.mqtt.port} (default
 * 18830, never 1883) unless {@code hall24.mqtt.plain-enabled=false}, and in TLS on
 * {@code hall24.mqtt.tls.port} when set, with the certificate and key of {@link BrokerTls}. It
 * keeps sessions in memory only, refuses anonymous clients and applies {@link DeviceBrokerSecurity}.
 * A publish it refuses — larger than {@link #MAX_MESSAGE_BYTES} or not the client's to write — is
 * acknowledged and dropped by {@link PublishGate}, and reported to {@link RefusedPublishes}, so
 * the connection stays up and the client does not send it again. It starts before, and stops
 * after, every other lifecycle bean, so the platform's client and the simulator always find it. A
 * session whose credential is revoked or rotated is closed as soon as the change is committed.
 * {@link MoquetteResendFix} keeps a resent QoS 1 message from stopping it.
 */
@Component
@ConditionalOnProperty(name = "hall24.mqtt.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** The environment property with the plain listener's local address, e.g. {@code tcp://127.0.0.1:18830}. */
    static final String LOCAL_URL = "local.mqtt.url";

    /**
     * The largest PUBLISH the broker takes, counted as MQTT's remaining length (topic, packet id
     * and payload): the protocol's 2 MiB payload limit plus 64 KiB for the topic.
     */
    static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024 + 64 * 1024;

    private final EmbeddedBrokerPort port;
    private final DeviceBrokerSecurity security;
    private final @Nullable BrokerTls tls;
    private final @Nullable ConfigurableEnvironment environment;
    private final PublishGate.Refusals refusals;
    private @Nullable Server server;

    EmbeddedBroker(EmbeddedBrokerPort port, DeviceRegistry registry, PlatformMqttCredentials platform,
            ObjectProvider<BrokerTls> tls, ObjectProvider<ConfigurableEnvironment> environment,
            ObjectProvider<PublishGate.Refusals> refusals) {
        this.port = port;
        this.security = new DeviceBrokerSecurity(registry, platform);
        this.tls = tls.getIfAvailable();
        this.environment = environment.getIfAvailable();
        this.refusals = refusals.getIfAvailable(() -> new RefusedPublishes(null, new SimpleMeterRegistry()));
    }

    @Override
    public synchronized void start() {
        Properties properties = new Properties();
        properties.setProperty(BrokerConstants.HOST_PROPERTY_NAME, port.host());
        properties.setProperty(BrokerConstants.PORT_PROPERTY_NAME,
                port.plain() ? Integer.toString(port.value()) : BrokerConstants.DISABLED_PORT_BIND);
        ISslContextCreator tlsContext = () -> null;
        if (port.tls()) {
            if (tls == null) {
                throw new IllegalStateException("hall24.mqtt.tls.port is set but the broker has no certificate (hall24.mqtt.tls.bundle)");
            }
            SslContext context = serverContext(tls);
            tlsContext = () -> context;
            properties.setProperty(BrokerConstants.SSL_PORT_PROPERTY_NAME, Integer.toString(port.tlsPort()));
        }
        properties.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(BrokerConstants.NETTY_TCP_NODELAY_PROPERTY_NAME, "true");
        properties.setProperty(BrokerConstants.IMMEDIATE_BUFFER_FLUSH_PROPERTY_NAME, "true");
        properties.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
        Server broker = new Server();
        try {
            broker.startServer(new MemoryConfig(properties), List.of(), tlsContext, security, security);
            PublishGate.installIn(broker, () -> new PublishGate(MAX_MESSAGE_BYTES, security::mayWrite, refusals));
            MoquetteResendFix.apply(broker);
        }
        catch (IOException | RuntimeException e) {
            try {
                broker.stopServer();
            }
            catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            throw new IllegalStateException("The embedded MQTT broker cannot listen on " + port.host() + " ("
                    + (port.plain() ? "plain TCP port " + port.value() : "no plain TCP")
                    + (port.tls() ? ", TLS port " + port.tlsPort() : "") + "): " + e.getMessage(), e);
        }
        server = broker;
        log.info("Embedded MQTT broker listening on {}: {}{}", port.host(),
                port.plain() ? "plain TCP port " + port.value() : "no plain TCP",
                port.tls() ? ", TLS port " + port.tlsPort() + " (certificate " + tls.certificate().getSubjectX500Principal().getName()
                        + ", SSL bundle " + tls.bundleName() + ")" : ", no TLS");
        publishLocalUrl();
        if (port.plain() && !MqttProperties.isLoopback(port.host())) {
            log.warn("The embedded MQTT broker accepts plain (unencrypted) TCP on {}:{}: devices' card data and photos cross "
                    + "the network in clear. Turn TLS on and set hall24.mqtt.plain-enabled=false (docs/operations.md).",
                    port.host(), port.value());
        }
    }

    /**
     * Publishes where a client on this machine reaches the plain listener, as the environment
     * property {@value #LOCAL_URL} (like Boot's {@code local.server.port}), so that the in-process
     * simulator, which depends on no module, defaults to this broker whatever its configured port
     * and address. Absent when plain TCP is off.
     */
    private void publishLocalUrl() {
        if (environment != null && port.plain()) {
            environment.getPropertySources().addFirst(new MapPropertySource("hall24-embedded-broker",
                    Map.of(LOCAL_URL, port.plainUrl())));
        }
    }

    /** Netty's server context from the broker's certificate and key: TLS 1.2 and 1.3 (the JVM's), no client certificates. */
    private static SslContext serverContext(BrokerTls tls) {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(tls.keyManagers()).sslProvider(SslProvider.JDK)
                    .clientAuth(ClientAuth.NONE);
            if (tls.protocols().length > 0) {
                builder.protocols(tls.protocols());
            }
            if (tls.ciphers().length > 0) {
                builder.ciphers(List.of(tls.ciphers()));
            }
            return builder.build();
        }
        catch (SSLException e) {
            throw new IllegalStateException("The embedded MQTT broker's TLS listener cannot use SSL bundle " + tls.bundleName()
                    + " (hall24.mqtt.tls.bundle): " + e.getMessage(), e);
        }
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
