package org.hall24.device.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QoS 1 messages are acknowledged to a real Mosquitto only once handled: a node that stops while
 * handling one gets it again at its next start (same client id, persistent session), and a
 * message that was handled or rejected is not delivered again.
 */
class MqttGatewayRedeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static Mosquitto broker;

    final List<MqttGateway> gateways = new CopyOnWriteArrayList<>();
    final List<DeviceDispatcher> dispatchers = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    MqttClient device;

    @BeforeAll
    static void startBroker() {
        broker = Mosquitto.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        gateways.forEach(MqttGateway::stop);
        dispatchers.forEach(DeviceDispatcher::destroy);
        if (device != null && device.isConnected()) {
            device.disconnect();
        }
    }

    /** Events of door-opened the listener saw, by event id. */
    static final class Recorder implements DeviceMessageListener {
        final List<UUID> events = new CopyOnWriteArrayList<>();
        final CountDownLatch first = new CountDownLatch(1);
        volatile CountDownLatch holdFirst;

        @Override
        public void event(DeviceTopic topic, Payload.Event event) {
            events.add(event.id());
            first.countDown();
            CountDownLatch hold = holdFirst;
            if (hold != null && events.size() == 1) {
                try {
                    hold.await(20, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    MqttGateway start(String clientId, Duration drainTimeout, DeviceMessageListener listener) {
        DeviceDispatcher dispatcher = Gateways.dispatcher();
        dispatchers.add(dispatcher);
        MqttGateway gateway = Gateways.gateway(broker.url(), clientId, drainTimeout, dispatcher, listener);
        gateways.add(gateway);
        gateway.start();
        await().atMost(WAIT).until(gateway::subscribed);
        return gateway;
    }

    void connectDevice() throws Exception {
        device = new MqttClient(broker.url(), "D-REDELIVER-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        device.connect(options);
    }

    UUID doorOpened() throws Exception {
        UUID id = UUID.randomUUID();
        publish("events/door-opened", "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id + "\",\"compartment\":\"B3\"}");
        return id;
    }

    void publish(String kind, String json) throws Exception {
        device.publish("hall24/JLP-YJP/" + device.getClientId() + "/" + kind, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Test
    void aMessageBeingHandledWhenTheNodeStopsIsDeliveredAgainAtItsNextStart() throws Exception {
        String node = "hall24-platform-redeliver-" + UUID.randomUUID();
        Recorder before = new Recorder();
        before.holdFirst = release;
        MqttGateway first = start(node, Duration.ofMillis(200), before);
        connectDevice();
        UUID id = doorOpened();
        assertThat(before.first.await(10, TimeUnit.SECONDS)).as("the first node got the event").isTrue();

        first.stop();
        release.countDown();

        Recorder after = new Recorder();
        start(node, Duration.ofSeconds(5), after);
        assertThat(after.first.await(10, TimeUnit.SECONDS)).as("the event delivered again to the restarted node").isTrue();
        assertThat(after.events.get(0)).isEqualTo(id);
    }

    @Test
    void aMessageHandledOrRejectedIsNotDeliveredAgainAfterARestart() throws Exception {
        String node = "hall24-platform-acked-" + UUID.randomUUID();
        Recorder before = new Recorder();
        MqttGateway first = start(node, Duration.ofSeconds(5), before);
        connectDevice();
        publish("events/door-opened", "{\"v\":1,\"this is\":\"not a door event\"}");
        UUID handled = doorOpened();
        await().atMost(WAIT).until(() -> before.events.contains(handled));
        assertThat(first.rejected()).isEqualTo(1);
        first.stop();

        Recorder after = new Recorder();
        MqttGateway second = start(node, Duration.ofSeconds(5), after);
        UUID marker = doorOpened();
        // What the broker still held for this session would come before the marker, on the same device's lane.
        await().atMost(WAIT).until(() -> after.events.contains(marker));
        assertThat(after.events).containsExactly(marker);
        assertThat(second.rejected()).isZero();
    }
}
