package org.hall24.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Paho client playing the platform: records everything under {@code hall24/#} and sends commands. */
public final class Platform implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public record Received(String topic, byte[] payload, boolean retained, Instant at) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(payload);
        }
    }

    private final MqttClient client;
    final List<Received> received = new CopyOnWriteArrayList<>();

    public Platform(String url) throws MqttException {
        client = new MqttClient(url, "test-platform-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        client.subscribe("hall24/#", 1, (topic, message) -> received.add(
                new Received(topic, message.getPayload(), message.isRetained(), Instant.now())));
    }

    /** Sends a command and returns its id. */
    String command(String hall, String device, String type, String argsJson, Duration deadlineIn) throws MqttException {
        String id = UUID.randomUUID().toString();
        commandWithId(hall, device, id, type, argsJson, deadlineIn);
        return id;
    }

    void commandWithId(String hall, String device, String id, String type, String argsJson, Duration deadlineIn)
            throws MqttException {
        String payload = "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id + "\",\"type\":\"" + type
                + "\",\"args\":" + argsJson + ",\"deadline\":\"" + Instant.now().plus(deadlineIn) + "\"}";
        client.publish("hall24/" + hall + "/" + device + "/commands", payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    List<Received> on(String topic) {
        return received.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** Waits for a message on {@code topic} that matches, and returns the first one. */
    public Received await(String topic, Predicate<Received> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Received r : received) {
                if (r.topic().equals(topic) && match.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing matching on " + topic + " within " + timeout + "; got " + on(topic).size()
                + " messages there: " + on(topic).stream().map(Received::text).map(t -> t.length() > 300 ? t.substring(0, 300) : t).toList());
    }

    /** The reply to a command id. */
    JsonNode reply(String hall, String device, String id, Duration timeout) throws InterruptedException {
        return await("hall24/" + hall + "/" + device + "/replies",
                r -> id.equals(r.json().path("id").asString("")), timeout).json();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
