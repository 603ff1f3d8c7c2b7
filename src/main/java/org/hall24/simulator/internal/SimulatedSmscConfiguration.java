package org.hall24.simulator.internal;

import java.util.Map;

import org.hall24.simulator.SimulatedSmsc;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the simulated carrier SMSC inside the application unless
 * {@code hall24.simulator.smsc.enabled=false}: listening as soon as the bean exists, before any
 * SMPP client binds, and publishing its port as the environment property {@value #LOCAL_PORT}
 * (like Boot's {@code local.server.port}), so that the platform's SMPP provider, which cannot
 * depend on the simulator, finds it on whatever port it got.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hall24.simulator.smsc.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SmscProperties.class)
class SimulatedSmscConfiguration {

    static final String LOCAL_PORT = "local.smsc.port";

    @Bean(destroyMethod = "close")
    SimulatedSmsc simulatedSmsc(SmscProperties properties, ConfigurableEnvironment environment) {
        SimulatedSmsc smsc = new SimulatedSmsc(properties.settings()).start();
        environment.getPropertySources().addFirst(new MapPropertySource("hall24-simulated-smsc",
                Map.of(LOCAL_PORT, smsc.port())));
        return smsc;
    }
}
