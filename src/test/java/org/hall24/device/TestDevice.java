package org.hall24.device;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device speaking docs/device-protocol.md with Paho, as a kiosk agent would: client id = device
 * code, last will on its status topic. {@code onCommand} maps each command's JSON to a reply JSON,
 * or {@code null} to stay silent.
 */
final class TestDevice implements AutoCloseable {

    static final String WILL = "{\"v\":1,\"state\":\"offline\",\"reason\":\"connection-lost\"}";

    final String hall;
    final String code;
    final MqttClient client;
    final ExecutorService replies = Executors.newSingleThreadExecutor();
    volatile Function<String, String> onCommand = command -> null;

    TestDevice(String url, String hall, String code) throws MqttException {
        this.hall = hall;
        this.code = code;
        this.client = new MqttClient(url, code, new MemoryPersistence());
    }

    String topic(String kind) {
        return "hall24/" + hall + "/" + code + "/" + kind;
    }

    TestDevice connect() throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setKeepAliveInterval(15);
        options.setWill(topic("status"), WILL.getBytes(StandardCharsets.UTF_8), 1, true);
        client.connect(options);
        client.subscribe(topic("commands"), 1, (topic, message) -> {
            String command = new String(message.getPayload(), StandardCharsets.UTF_8);
            replies.execute(() -> {
                String reply = onCommand.apply(command);
                if (reply != null) {
                    publish("replies", reply, 1);
                }
            });
        });
        return this;
    }

    void online(int interval) {
        publish("status", "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"state\":\"online\",\"firmware\":\"2.3.1\",\"interval\":"
                + interval + "}", 1);
    }

    void telemetry(String peripherals) {
        publish("telemetry", "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"seq\":1,\"uptime\":5,\"peripherals\":{" + peripherals
                + "}}", 0);
    }

    void publish(String kind, String json, int qos) {
        publish(kind, json.getBytes(StandardCharsets.UTF_8), qos);
    }

    void publish(String kind, byte[] payload, int qos) {
        try {
            client.publish(topic(kind), payload, qos, kind.equals("status"));
        }
        catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The connection dies without a DISCONNECT packet: the broker fires the last will. */
    void cut() throws MqttException {
        try {
            client.disconnectForcibly(0, 100, false);
        }
        catch (NullPointerException race) {
            // Paho 1.2.5: an ack read while the connection is torn down finds its callback gone
            // (ClientState.notifyResult); the connection is cut all the same.
            if (client.isConnected()) {
                throw race;
            }
        }
    }

    @Override
    public void close() {
        replies.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 100, false);
            }
            client.close(true);
        }
        catch (MqttException ignored) {
            // the test is over
        }
    }
}
