package org.hall24.device.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resolves the platform's broker credentials: configured for an external broker (required),
 * configured or freshly generated for the embedded one.
 */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

    @Bean
    PlatformMqttCredentials platformMqttCredentials(MqttProperties properties) {
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
        return new PlatformMqttCredentials(properties.brokerUrl(), properties.platformUser(), password);
    }
}
