package org.hall24.device.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resolves the platform's broker credentials: configured for an external broker (required),
 * configured or freshly generated for the embedded one.
 */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

    /** The embedded broker's port; {@code hall24.mqtt.port=0} picks a free one (for tests). */
    @Bean
    @ConditionalOnProperty(name = "hall24.mqtt.embedded", havingValue = "true", matchIfMissing = true)
    EmbeddedBrokerPort embeddedBrokerPort(MqttProperties properties) {
        int port = properties.brokerPort();
        if (port != 0) {
            return new EmbeddedBrokerPort(port);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return new EmbeddedBrokerPort(socket.getLocalPort());
        }
        catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded MQTT broker", e);
        }
    }

    @Bean
    PlatformMqttCredentials platformMqttCredentials(MqttProperties properties, ObjectProvider<EmbeddedBrokerPort> port) {
        @Nullable EmbeddedBrokerPort embedded = port.getIfAvailable();
        boolean urlSet = properties.url() != null && !properties.url().isBlank();
        String url = !urlSet && embedded != null ? "tcp://127.0.0.1:" + embedded.value() : properties.brokerUrl();
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
        return new PlatformMqttCredentials(url, properties.platformUser(), password);
    }
}
