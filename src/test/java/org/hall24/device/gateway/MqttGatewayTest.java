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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the gateway hands a message over and acknowledges it, without a broker: {@code arrived} is
 * what the MQTT client's callback thread calls, with the acknowledgement it must send.
 */
class MqttGatewayTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String TELEMETRY = "hall24/JLP-YJP/D-1/telemetry";

    final DeviceDispatcher dispatcher = Gateways.dispatcher();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger acks = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        dispatcher.destroy();
    }

    static byte[] telemetry() {
        return ("{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"seq\":1,\"uptime\":5,\"peripherals\":{}}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] doorOpened() {
        return ("{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + UUID.randomUUID() + "\",\"compartment\":\"B3\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    void block() {
        try {
            release.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aMessageIsAcknowledgedOnlyOnceItsListenersReturned() throws Exception {
        AtomicInteger acksSeenByListener = new AtomicInteger(-1);
        CountDownLatch inListener = new CountDownLatch(1);
        MqttGateway gateway = Gateways.gateway("tcp://127.0.0.1:1", "test", WAIT, dispatcher, new DeviceMessageListener() {
            @Override
            public void telemetry(DeviceTopic topic, Payload.Telemetry telemetry) {
                acksSeenByListener.set(acks.get());
                inListener.countDown();
                block();
            }
        });

        assertThat(gateway.arrived(TELEMETRY, telemetry(), 1, acks::incrementAndGet)).isTrue();
        assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(acksSeenByListener).as("acknowledged before it was handled").hasValue(0);
        assertThat(acks).as("acknowledged while the listener runs").hasValue(0);

        release.countDown();
        await().atMost(WAIT).until(() -> acks.get() == 1);
    }

    @Test
    void aRejectedMessageIsAcknowledgedSoThatTheBrokerDoesNotDeliverItAgain() throws Exception {
        MqttGateway gateway = Gateways.gateway("tcp://127.0.0.1:1", "test", WAIT, dispatcher);

        gateway.arrived(TELEMETRY, "not json".getBytes(StandardCharsets.UTF_8), 1, acks::incrementAndGet);
        gateway.arrived("hall24/JLP-YJP/D-1/commands", "{}".getBytes(StandardCharsets.UTF_8), 1, acks::incrementAndGet);
        gateway.arrived("somewhere/else", "{}".getBytes(StandardCharsets.UTF_8), 1, acks::incrementAndGet);

        await().atMost(WAIT).until(() -> acks.get() == 3);
        assertThat(gateway.rejected()).isEqualTo(3);
    }

    @Test
    void aMessageWhoseListenerThrowsIsAcknowledgedAndTheNextOneIsHandled() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        MqttGateway gateway = Gateways.gateway("tcp://127.0.0.1:1", "test", WAIT, dispatcher, new DeviceMessageListener() {
            @Override
            public void event(DeviceTopic topic, Payload.Event event) {
                throw new IllegalStateException("listener failed");
            }

            @Override
            public void telemetry(DeviceTopic topic, Payload.Telemetry telemetry) {
                handled.add(topic.device());
            }
        });

        gateway.arrived("hall24/JLP-YJP/D-1/events/door-opened", doorOpened(), 1, acks::incrementAndGet);
        gateway.arrived(TELEMETRY, telemetry(), 1, acks::incrementAndGet);

        await().atMost(WAIT).until(() -> acks.get() == 2);
        assertThat(handled).containsExactly("D-1");
    }

    @Test
    void aReplyIsHandledWhileItsDevicesEventIsStillBeingHandled() throws Exception {
        CountDownLatch inEvent = new CountDownLatch(1);
        CountDownLatch replied = new CountDownLatch(1);
        MqttGateway gateway = Gateways.gateway("tcp://127.0.0.1:1", "test", WAIT, dispatcher, new DeviceMessageListener() {
            @Override
            public void event(DeviceTopic topic, Payload.Event event) {
                inEvent.countDown();
                try {
                    // as a listener that sent the device a command and waits for the reply
                    replied.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void reply(DeviceTopic topic, Payload.Reply reply) {
                replied.countDown();
            }
        });

        gateway.arrived("hall24/JLP-YJP/D-1/events/door-opened", doorOpened(), 1, acks::incrementAndGet);
        assertThat(inEvent.await(5, TimeUnit.SECONDS)).isTrue();
        gateway.arrived("hall24/JLP-YJP/D-1/replies", ("{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + UUID.randomUUID()
                + "\",\"result\":\"ok\"}").getBytes(StandardCharsets.UTF_8), 1, acks::incrementAndGet);

        assertThat(replied.await(5, TimeUnit.SECONDS)).as("the reply reached its listener").isTrue();
        await().atMost(WAIT).until(() -> acks.get() == 2);
    }

    @Test
    void aStoppingGatewayTakesNoMoreMessagesAndLeavesThemUnacknowledged() throws Exception {
        MqttGateway gateway = Gateways.gateway("tcp://127.0.0.1:1", "test", WAIT, dispatcher);
        assertThat(dispatcher.drain(WAIT)).isTrue();

        assertThat(gateway.arrived(TELEMETRY, telemetry(), 1, acks::incrementAndGet)).isFalse();
        assertThat(acks).hasValue(0);
    }
}
