package org.hall24.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.simulator.DeviceFiles;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

/**
 * The benchmark's load generator (not a test; {@code bench/devices.sh} runs it): thousands of
 * devices heartbeating against one Hall24 node, on HiveMQ's MQTT 3.1.1 client, whose connections
 * share one Netty event loop (Paho needs about three threads per connection).
 * <p>
 * It reads the credentials file provisioning wrote ({@code hall24.simulator.synthetic-devices}),
 * and for every {@code *-SIM-*} device in it: connects (client id = username = code, clean
 * session false, keep-alive 15 s, last will offline; at most {@code --connect-rate} connections per
 * second), subscribes to its {@code commands} and answers each with {@code ok} (QoS 1) and the
 * command's correlation id, publishes a retained {@code status} online, then {@code telemetry}
 * (QoS 0) every {@code --interval} with ±10 % jitter. After {@code --duration} (counted once every
 * device is connected) it publishes retained offline/shutdown and disconnects cleanly.
 * <p>
 * Options: {@code --broker=tcp://127.0.0.1:18830 --credentials=… --interval=10 --duration=60
 * --connect-rate=500}. It prints {@code RESULT key=value…} lines for the script.
 */
public final class DeviceLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final AtomicLong telemetrySent = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running = true;

    private DeviceLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("unknown argument " + arg + "; expected --name=value");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        URI broker = URI.create(options.getOrDefault("broker", "tcp://127.0.0.1:18830"));
        Path credentials = Path.of(options.getOrDefault("credentials", "data/simulator/credentials.properties"));
        Duration interval = Duration.ofMillis(Math.round(Double.parseDouble(options.getOrDefault("interval", "10")) * 1000));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
        int connectRate = Integer.parseInt(options.getOrDefault("connect-rate", "500"));
        new DeviceLoad().run(broker, credentials, interval, duration, connectRate);
        System.exit(0);
    }

    private void run(URI broker, Path credentialsFile, Duration interval, Duration duration, int connectRate) throws Exception {
        Map<String, String> devices = new java.util.LinkedHashMap<>();
        DeviceFiles.readCredentials(credentialsFile).forEach((code, password) -> {
            if (code.contains("-SIM-")) {
                devices.put(code, password);
            }
        });
        if (devices.isEmpty()) {
            System.err.println("no synthetic (*-SIM-*) device in " + credentialsFile);
            System.exit(2);
        }
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "device-load-timer");
            t.setDaemon(true);
            return t;
        });
        List<Device> connected = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(256);
        long pauseNanos = 1_000_000_000L / connectRate;
        long started = System.nanoTime();
        List<CompletableFuture<Void>> connecting = new ArrayList<>();
        long next = started;
        log("connecting %d devices to %s at up to %d/s", devices.size(), broker, connectRate);
        for (Map.Entry<String, String> entry : devices.entrySet()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += pauseNanos;
            inFlight.acquire();
            Device device = new Device(entry.getKey(), entry.getValue(), hallOf(entry.getKey()), broker, interval);
            connecting.add(device.connect(timers, 1).whenComplete((ok, e) -> {
                inFlight.release();
                if (e != null) {
                    failures.add(device.code + ": " + e);
                }
            }).exceptionally(e -> null));
            synchronized (connected) {
                connected.add(device);
            }
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        int ok = devices.size() - failures.size();
        log("%d/%d devices connected in %.1f s (%d failed, %d attempts retried)%s", ok, devices.size(), connectSeconds,
                failures.size(), reconnects.get(),
                failures.isEmpty() ? "" : "; first failure: " + failures.peek());
        System.out.printf(java.util.Locale.ROOT, "RESULT connected=%d devices=%d connect_seconds=%.1f connect_retries=%d%n", ok, devices.size(),
                connectSeconds, reconnects.get());

        long telemetryBefore = telemetrySent.get();
        long runStart = System.nanoTime();
        long end = runStart + duration.toNanos();
        while (System.nanoTime() < end) {
            TimeUnit.SECONDS.sleep(Math.min(10, Math.max(1, (end - System.nanoTime()) / 1_000_000_000L)));
            log("telemetry sent %d, commands %d, replies %d, publish failures %d", telemetrySent.get(), commands.get(),
                    replies.get(), publishFailures.get());
        }
        double ran = (System.nanoTime() - runStart) / 1e9;
        running = false;
        timers.shutdownNow();
        System.out.printf(java.util.Locale.ROOT, "RESULT run_seconds=%.1f telemetry_sent=%d telemetry_per_s=%.1f commands=%d replies=%d publish_failures=%d%n",
                ran, telemetrySent.get() - telemetryBefore, (telemetrySent.get() - telemetryBefore) / ran, commands.get(), replies.get(),
                publishFailures.get());

        log("disconnecting");
        List<CompletableFuture<?>> closing = new ArrayList<>();
        next = System.nanoTime();
        for (Device device : connected) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += pauseNanos / 2;
            closing.add(device.close());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            log("not every device disconnected cleanly: %s", e);
        }
        log("done");
    }

    private static String hallOf(String code) {
        return code.substring(0, code.indexOf("-SIM-"));
    }

    private static void log(String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, "%s device-load: %s%n", Instant.now(), String.format(java.util.Locale.ROOT, format, args));
    }

    private final class Device {

        final String code;
        final String topic;
        final Duration interval;
        final Mqtt3AsyncClient client;
        final String password;
        long seq;
        final long born = System.currentTimeMillis();
        volatile boolean online;

        Device(String code, String password, String hall, URI broker, Duration interval) {
            this.code = code;
            this.password = password;
            this.topic = "hall24/" + hall + "/" + code + "/";
            this.interval = interval;
            this.client = MqttClient.builder().useMqttVersion3().identifier(code)
                    .serverHost(broker.getHost()).serverPort(broker.getPort())
                    .buildAsync();
        }

        /**
         * Connects, subscribes, says online and starts heartbeating. Moquette 0.17 sometimes drops a
         * SUBSCRIBE that follows its CONNACK at once under a connection storm ("SUBSCRIBE received on
         * already closed connection") and never answers it; so a step that takes over 20 s counts as
         * failed, and the device disconnects and tries again (3 attempts).
         */
        CompletableFuture<Void> connect(ScheduledExecutorService timers, int attempt) {
            return attempt(timers).handle((ok, e) -> {
                if (e == null) {
                    return CompletableFuture.<Void>completedFuture(null);
                }
                reconnects.incrementAndGet();
                if (attempt >= 3) {
                    return CompletableFuture.<Void>failedFuture(e);
                }
                return client.disconnect().handle((d, de) -> null)
                        .thenCompose(x -> {
                            CompletableFuture<Void> later = new CompletableFuture<>();
                            timers.schedule(() -> connect(timers, attempt + 1).whenComplete((v, ce) -> {
                                if (ce == null) {
                                    later.complete(null);
                                }
                                else {
                                    later.completeExceptionally(ce);
                                }
                            }), 1000 + ThreadLocalRandom.current().nextLong(2000), TimeUnit.MILLISECONDS);
                            return later;
                        });
            }).thenCompose(f -> f);
        }

        private CompletableFuture<Void> attempt(ScheduledExecutorService timers) {
            return client.connectWith()
                    .cleanSession(false)
                    .keepAlive(15)
                    .simpleAuth().username(code).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                    .willPublish().topic(topic + "status").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload("{\"v\":1,\"state\":\"offline\",\"reason\":\"connection-lost\"}".getBytes(StandardCharsets.UTF_8))
                    .applyWillPublish()
                    .send()
                    .thenCompose(ack -> client.subscribeWith().topicFilter(topic + "commands").qos(MqttQos.AT_LEAST_ONCE)
                            .callback(this::command).send())
                    .thenCompose(subAck -> client.publishWith().topic(topic + "status").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                            .payload(json("\"state\":\"online\",\"firmware\":\"bench-1\",\"interval\":"
                                    + Math.max(1, interval.toSeconds())))
                            .send())
                    .thenAccept(published -> {
                        if (!online) {
                            online = true;
                            long first = ThreadLocalRandom.current().nextLong(Math.max(1, interval.toMillis()));
                            timers.schedule(() -> heartbeat(timers), first, TimeUnit.MILLISECONDS);
                        }
                    })
                    .orTimeout(20, TimeUnit.SECONDS);
        }

        void heartbeat(ScheduledExecutorService timers) {
            if (!running) {
                return;
            }
            long uptime = (System.currentTimeMillis() - born) / 1000;
            client.publishWith().topic(topic + "telemetry").qos(MqttQos.AT_MOST_ONCE)
                    .payload(json("\"seq\":" + (seq++) + ",\"uptime\":" + uptime + ",\"peripherals\":{"
                            + "\"idCardReader\":{\"state\":\"ok\"},\"faceCamera\":{\"state\":\"ok\"},"
                            + "\"documentCamera\":{\"state\":\"ok\"},\"fingerprintReader\":{\"state\":\"ok\"},"
                            + "\"printer\":{\"state\":\"ok\",\"paper\":\"ok\"}}"))
                    .send()
                    .whenComplete((p, e) -> (e == null ? telemetrySent : publishFailures).incrementAndGet());
            long millis = interval.toMillis();
            long jittered = millis + ThreadLocalRandom.current().nextLong(-millis / 10, millis / 10 + 1);
            try {
                timers.schedule(() -> heartbeat(timers), Math.max(1, jittered), TimeUnit.MILLISECONDS);
            }
            catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the run is over
            }
        }

        void command(Mqtt3Publish publish) {
            commands.incrementAndGet();
            String body = StandardCharsets.UTF_8.decode(publish.getPayload().orElse(java.nio.ByteBuffer.allocate(0))).toString();
            Matcher id = ID.matcher(body);
            if (!id.find()) {
                return;
            }
            client.publishWith().topic(topic + "replies").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(json("\"id\":\"" + id.group(1) + "\",\"result\":\"ok\""))
                    .send()
                    .whenComplete((p, e) -> (e == null ? replies : publishFailures).incrementAndGet());
        }

        CompletableFuture<?> close() {
            if (!online) {
                return client.disconnect().exceptionally(e -> null);
            }
            return client.publishWith().topic(topic + "status").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(json("\"state\":\"offline\",\"reason\":\"shutdown\""))
                    .send()
                    .thenCompose(p -> client.disconnect())
                    .exceptionally(e -> null);
        }

        private byte[] json(String fields) {
            return ("{\"v\":1,\"ts\":\"" + Instant.now() + "\"," + fields + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
