package org.hall24.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes where the simulated mail server listens as the environment property
 * {@value #LOCAL_PORT} before any bean is created, so that {@code spring.mail.port} can default
 * to it ({@code spring.mail.port=${local.smtp.port:…}} in application.properties) although the
 * simulator depends on no module: the configured {@code hall24.simulator.mail.port}, or for
 * {@code 0} (tests) a free port picked here, which the server then binds. Absent while
 * {@code hall24.simulator.mail.enabled=false}. Registered in {@code META-INF/spring.factories}.
 */
public class SimulatedMailPort implements EnvironmentPostProcessor {

    /** The environment property with the simulated mail server's port, e.g. {@code 18025}. */
    public static final String LOCAL_PORT = "local.smtp.port";

    static final String ENABLED = "hall24.simulator.mail.enabled";
    static final String PORT = "hall24.simulator.mail.port";
    static final int DEFAULT_PORT = 18025;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        int port = environment.getProperty(PORT, Integer.class, DEFAULT_PORT);
        environment.getPropertySources().addFirst(new MapPropertySource("hall24-simulated-mail-server",
                Map.of(LOCAL_PORT, Integer.toString(port == 0 ? freePort() : port))));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("No free port for the simulated mail server", e);
        }
    }
}
