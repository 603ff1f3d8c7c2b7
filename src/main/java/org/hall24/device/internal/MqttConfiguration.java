package org.hall24.device.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.hall24.platform.demo.DemoPart;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Resolves where the embedded broker listens and what the platform's client connects with:
 * credentials configured for an external broker (required), configured or freshly generated for
 * the embedded one; the embedded broker's plain listener when it is on, else its TLS listener
 * with the broker's own certificate pinned.
 */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

    /** The embedded broker's listeners; a port configured as {@code 0} becomes a free one (for tests). */
    @Bean
    @ConditionalOnProperty(name = "hall24.mqtt.embedded", havingValue = "true", matchIfMissing = true)
    EmbeddedBrokerPort embeddedBrokerPort(MqttProperties properties) {
        int plain = properties.plainOn() ? resolve(properties.brokerPort()) : EmbeddedBrokerPort.OFF;
        int tls = properties.tlsOn() ? resolve(properties.tls().port()) : EmbeddedBrokerPort.OFF;
        if (plain == EmbeddedBrokerPort.OFF && tls == EmbeddedBrokerPort.OFF) {
            throw new IllegalStateException("hall24.mqtt.plain-enabled=false and no hall24.mqtt.tls.port: the embedded broker "
                    + "would not listen at all. Set hall24.mqtt.tls.port (and hall24.mqtt.tls.bundle), or leave plain TCP on.");
        }
        return new EmbeddedBrokerPort(plain, properties.bindHost(), tls);
    }

    /** The broker's certificate and key, when its TLS listener is on. */
    @Bean
    @ConditionalOnProperty(name = "hall24.mqtt.tls.port")
    BrokerTls brokerTls(MqttProperties properties, SslBundles bundles) {
        return BrokerTls.from(properties, bundles);
    }

    @Bean
    PlatformMqttCredentials platformMqttCredentials(MqttProperties properties, ObjectProvider<EmbeddedBrokerPort> port,
            ObjectProvider<BrokerTls> tls) {
        @Nullable EmbeddedBrokerPort embedded = port.getIfAvailable();
        boolean urlSet = properties.url() != null && !properties.url().isBlank();
        String password = properties.platformPassword();
        if (password == null || password.isBlank()) {
            if (!properties.isEmbedded()) {
                throw new IllegalStateException(
                        "hall24.mqtt.platform-password (HALL24_MQTT_PLATFORM_PASSWORD) is required with an external broker");
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            password = HexFormat.of().formatHex(secret);
        }
        if (!urlSet && embedded != null) {
            if (embedded.plain()) {
                return new PlatformMqttCredentials(embedded.plainUrl(), properties.platformUser(), password);
            }
            return new PlatformMqttCredentials(embedded.tlsUrl(), properties.platformUser(), password,
                    tls.getObject().pinnedClientSockets());
        }
        return new PlatformMqttCredentials(properties.brokerUrl(), properties.platformUser(), password);
    }

    /**
     * Plain MQTT across a network as a demo part: with {@code hall24.demo=false} start-up is
     * refused while the embedded broker's plain listener is on a non-loopback address (or the
     * platform's client would reach an external broker in plain TCP on another host), unless
     * {@code hall24.mqtt.allow-plain-on-network=true}. Reads configuration only.
     */
    @Bean
    static DemoPart plainMqttOnNetworkDemoPart(Environment environment) {
        MqttProperties properties = Binder.get(environment).bind("hall24.mqtt", MqttProperties.class)
                .orElseGet(() -> new MqttProperties(null, null, null, null, null, null));
        boolean on = !properties.plainOnNetworkAllowed() && properties.plainMqttOnNetwork();
        String where = properties.isEmbedded() ? "the embedded broker's plain-TCP listener on " + properties.bindHost()
                : "the platform's client at " + properties.brokerUrl();
        return new DemoPart("plain (unencrypted) MQTT on the network: " + where,
                properties.isEmbedded() ? "hall24.mqtt.plain-enabled" : "hall24.mqtt.url", on,
                properties.isEmbedded()
                        ? "devices connect over TLS: set hall24.mqtt.tls.port and hall24.mqtt.tls.bundle, then "
                                + "hall24.mqtt.plain-enabled=false (or keep plain TCP on loopback: hall24.mqtt.host=127.0.0.1); "
                                + "hall24.mqtt.allow-plain-on-network=true accepts it on a network protected otherwise"
                        : "use an ssl:// hall24.mqtt.url, or hall24.mqtt.allow-plain-on-network=true on a network protected otherwise");
    }

    private static int resolve(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded MQTT broker", e);
        }
    }
}
