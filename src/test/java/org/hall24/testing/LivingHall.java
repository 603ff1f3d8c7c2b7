package org.hall24.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a test context that runs the whole living hall: the embedded broker on a free
 * port, provisioning writing the seed devices' credentials to a temporary file, and the in-process
 * simulator connecting as each device with a 1 s heartbeat.
 */
public final class LivingHall {

    private LivingHall() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path credentials = Files.createTempDirectory("hall24-sim").resolve("credentials.properties");
            registry.add("hall24.mqtt.port", () -> port);
            registry.add("hall24.simulator.enabled", () -> "true");
            registry.add("hall24.simulator.broker-url", () -> "tcp://127.0.0.1:" + port);
            registry.add("hall24.simulator.credentials-file", credentials::toString);
            registry.add("hall24.simulator.interval", () -> "1s");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
