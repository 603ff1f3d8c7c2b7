package org.hall24.notifications.internal.smpp;

import org.hall24.notifications.DeliveryReceipts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The SMPP provider, with {@code hall24.sms.provider=smpp} (otherwise the log provider stands in).
 * The session binds once the context has started ({@link SmppSmsProvider} is a
 * {@link org.springframework.context.SmartLifecycle}), and unbinds when it stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hall24.sms.provider", havingValue = "smpp")
@EnableConfigurationProperties(SmppProperties.class)
class SmppConfiguration {

    /** The environment property in which the in-process simulated SMSC publishes its port. */
    static final String LOCAL_SMSC_PORT = "local.smsc.port";

    @Bean
    SmppSmsProvider smppSmsProvider(SmppProperties properties, DeliveryReceipts receipts, Environment environment) {
        return new SmppSmsProvider(properties, () -> port(properties, environment), receipts);
    }

    /**
     * {@code hall24.sms.smpp.port} when set, else the simulated SMSC's ({@value #LOCAL_SMSC_PORT},
     * published once it listens, wherever its configured or free port put it), else 2775.
     */
    static int port(SmppProperties properties, Environment environment) {
        Integer configured = properties.port();
        if (configured != null && configured > 0) {
            return configured;
        }
        return environment.getProperty(LOCAL_SMSC_PORT, Integer.class, SmppProperties.SMPP_PORT);
    }

    /** {@code smsc} in {@code /actuator/health}: UP while bound, DOWN with the reason otherwise. */
    @Bean
    @ConditionalOnClass(HealthIndicator.class)
    HealthIndicator smscHealthIndicator(SmppSmsProvider provider) {
        return () -> provider.problem()
                .map(reason -> Health.down().withDetail("smsc", provider.endpoint()).withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().withDetail("smsc", provider.endpoint()).withDetail("systemId", provider.systemId()).build());
    }
}
