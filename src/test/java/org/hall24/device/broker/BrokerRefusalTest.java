package org.hall24.device.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceAlertCleared;
import org.hall24.device.DeviceAlertRaised;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.DeviceType;
import org.hall24.device.DeviceWentOffline;
import org.hall24.device.DoorClosed;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * A publish the embedded broker refuses — just over its size limit, or on a topic that is not
 * the device's — is acknowledged (the QoS 1 token completes) and dropped, with a WARN naming the
 * device, the topic and the size; the connection stays up, so a device with a persistent session
 * (clean session false, as the protocol asks) does not send it again at every reconnect. A device
 * that keeps sending refused messages gets the {@code REFUSED_MESSAGES} warning, which clears once
 * the window passes without one (time on a {@link MutableClock}). Each test has its own device.
 */
@Hall24IntegrationTest(properties = {"hall24.devices.health-check-period=200ms", "hall24.devices.refused-messages.alert-after=3",
        "hall24.devices.refused-messages.window=20s"})
@Import({MutableClock.Configuration.class, BrokerRefusalTest.Events.class})
@ExtendWith(OutputCaptureExtension.class)
class BrokerRefusalTest {

    private static final String HALL = "TEST-HALL";
    private static final Random RANDOM = new Random();

    /** The device events these tests watch for, as the platform published them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Events {

        static final Queue<Object> seen = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(DeviceWentOffline event) {
            seen.add(event);
        }

        @EventListener
        void on(DoorClosed event) {
            seen.add(event);
        }

        @EventListener
        void on(DeviceAlertRaised event) {
            seen.add(event);
        }

        @EventListener
        void on(DeviceAlertCleared event) {
            seen.add(event);
        }
    }

    @Autowired
    DeviceRegistry registry;

    @Autowired
    EmbeddedBrokerPort port;

    @Autowired
    DeviceStatuses statuses;

    @Autowired
    MutableClock clock;

    private final List<MqttClient> clients = new ArrayList<>();
    private final AtomicReference<Throwable> lost = new AtomicReference<>();

    @AfterEach
    void closeClients() throws MqttException {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 100);
            }
            client.close(true);
        }
    }

    @Test
    void aQos1PublishJustOverTheSizeLimitIsAcknowledgedAndDroppedAndTheConnectionStaysUp(CapturedOutput output)
            throws Exception {
        IssuedCredential device = register();
        MqttClient client = onlineDevice(device);
        String topic = topic(device, "events/document-captured");
        int size = EmbeddedBroker.MAX_MESSAGE_BYTES + 1024;

        publishQos1(client, topic, new byte[size]);

        assertStillServed(client, device);
        assertThat(output).contains("MQTT publish from " + device.deviceCode() + " refused, acknowledged and dropped: topic "
                + topic + ", " + (size + 2 + topic.length() + 2) + " bytes, over the broker's limit of "
                + EmbeddedBroker.MAX_MESSAGE_BYTES + " bytes").doesNotContain("invalid massage");
    }

    @Test
    void aQos1PublishOnATopicThatIsNotTheDevicesIsAcknowledgedAndDroppedAndTheConnectionStaysUp(CapturedOutput output)
            throws Exception {
        IssuedCredential device = register();
        IssuedCredential other = register();
        MqttClient client = onlineDevice(device);
        String topic = topic(other, "events/door-closed");

        publishQos1(client, topic, doorClosed());

        assertStillServed(client, device);
        assertThat(Events.seen).noneMatch(e -> e instanceof DoorClosed closed && closed.deviceCode().equals(other.deviceCode()));
        assertThat(output).contains("MQTT publish from " + device.deviceCode() + " refused, acknowledged and dropped: topic "
                + topic + " is not its to write");
    }

    @Test
    void aDeviceThatKeepsSendingRefusedMessagesGetsAWarningThatClearsOnceItStops() throws Exception {
        IssuedCredential device = register();
        MqttClient client = onlineDevice(device);

        for (int i = 0; i < 3; i++) {
            publishQos1(client, topic(device, "commands"), doorClosed());
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Events.seen.stream().anyMatch(
                e -> e instanceof DeviceAlertRaised raised && raised.deviceCode().equals(device.deviceCode())
                        && raised.kind() == DeviceAlert.REFUSED_MESSAGES));
        assertThat(statuses.statusOf(device.deviceCode())).as("a warning, not a fault").isEqualTo(DeviceStatus.ONLINE);

        clock.advance(Duration.ofSeconds(21));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Events.seen.stream().anyMatch(
                e -> e instanceof DeviceAlertCleared cleared && cleared.deviceCode().equals(device.deviceCode())
                        && cleared.kind() == DeviceAlert.REFUSED_MESSAGES));
        assertThat(client.isConnected()).isTrue();
    }

    /**
     * The connection that carried the refused publish goes on: the device's next message is
     * handled, and before it nothing said the device went offline (its messages are handled in
     * order, and a dropped connection would have fired its last will first).
     */
    private void assertStillServed(MqttClient client, IssuedCredential device) throws MqttException {
        UUID id = UUID.randomUUID();
        publishQos1(client, topic(device, "events/door-closed"), doorClosed(id));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Events.seen.stream().anyMatch(e -> e instanceof DoorClosed closed && closed.eventId().equals(id)));
        assertThat(lost.get()).as("connection lost").isNull();
        assertThat(client.isConnected()).isTrue();
        assertThat(Events.seen).noneMatch(e -> e instanceof DeviceWentOffline offline && offline.deviceCode().equals(device.deviceCode()));
        assertThat(statuses.statusOf(device.deviceCode())).isEqualTo(DeviceStatus.ONLINE);
    }

    /** Publishes at QoS 1 and waits for its PUBACK: the call returns only once the broker acknowledged it. */
    private static void publishQos1(MqttClient client, String topic, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message);
    }

    private IssuedCredential register() {
        String code = "T-" + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) RANDOM.nextInt(), (byte) RANDOM.nextInt(),
                (byte) RANDOM.nextInt(), (byte) RANDOM.nextInt()});
        return registry.register(new RegisterDevice(code, DeviceType.GOV_KIOSK, "SN-" + code, HALL, "self-service", 10, 10),
                "refusal-test");
    }

    /** A device connected with a persistent session (clean session false) that the platform sees online. */
    private MqttClient onlineDevice(IssuedCredential device) throws MqttException {
        MqttClient client = new MqttClient(port.plainUrl(), device.deviceCode(), new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.set(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setUserName(device.username());
        options.setPassword(device.password().toCharArray());
        client.connect(options);
        clients.add(client);
        String status = "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"state\":\"online\",\"firmware\":\"test\",\"interval\":10}";
        client.publish(topic(device, "status"), status.getBytes(StandardCharsets.UTF_8), 1, true);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(statuses.statusOf(device.deviceCode())).isEqualTo(DeviceStatus.ONLINE));
        return client;
    }

    private static String topic(IssuedCredential device, String kind) {
        return "hall24/" + HALL + "/" + device.deviceCode() + "/" + kind;
    }

    private static byte[] doorClosed() {
        return doorClosed(UUID.randomUUID());
    }

    private static byte[] doorClosed(UUID id) {
        return ("{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id + "\",\"compartment\":\"A1\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
