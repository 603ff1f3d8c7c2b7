package org.hall24.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;

/**
 * A private Mosquitto (Debian package {@code mosquitto}) on a free loopback port, with Nagle off
 * and a deep queue as docs/device-protocol.md asks of any broker we run. Where the binary is
 * missing the test is skipped with a note, except on CI ({@code CI=true}), where it fails.
 */
public final class Mosquitto implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final int port;
    private final Path dir;

    private Mosquitto(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a broker, or skips the calling test when Mosquitto is not installed (fails on CI). */
    public static Mosquitto start() {
        if (!Files.isExecutable(BINARY)) {
            String message = "Mosquitto not installed at " + BINARY + " (apt-get install mosquitto)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + "; skipped");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("mosquitto");
            Path config = dir.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "set_tcp_nodelay true",
                    "max_queued_messages 10000",
                    "persistence false",
                    "log_dest stderr",
                    "log_type error",
                    "log_type warning",
                    ""));
            Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile())
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return new Mosquitto(process, port, dir);
                }
                catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("Mosquitto did not listen on " + port);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
