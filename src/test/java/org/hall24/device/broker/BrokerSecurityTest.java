package org.hall24.device.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded broker's access control with real MQTT 3.1.1 clients (Paho): who may connect, and
 * that a device can neither write another device's topics nor read its commands. Every test
 * registers its own devices under fresh codes.
 */
@Hall24IntegrationTest
class BrokerSecurityTest {

    private static final String HALL = "TEST-HALL";
    private static final Random RANDOM = new Random();

    @Autowired
    DeviceRegistry registry;

    @Autowired
    EmbeddedBrokerPort port;

    @Autowired
    PlatformMqttCredentials platform;

    private final List<MqttClient> clients = new ArrayList<>();

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
    void aRegisteredDeviceConnectsWithItsCredential() throws MqttException {
        IssuedCredential credential = register();

        MqttClient device = connect(credential.deviceCode(), credential.username(), credential.password());

        assertThat(device.isConnected()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefused() {
        IssuedCredential credential = register();

        assertThatThrownBy(() -> connect(credential.deviceCode(), credential.username(), credential.password() + "x"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void anUnknownDeviceIsRefused() {
        String code = freshCode();

        assertThatThrownBy(() -> connect(code, code, "whatever"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void aClientIdOtherThanTheUsernameIsRefused() {
        IssuedCredential credential = register();

        assertThatThrownBy(() -> connect(credential.deviceCode() + "-X", credential.username(), credential.password()))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void aDevicePublishingOnAnotherDevicesTelemetryReachesNoSubscriber() throws Exception {
        IssuedCredential a = register();
        IssuedCredential b = register();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient platformClient = connectPlatform();
        platformClient.subscribe("hall24/#", 1, (topic, message) -> received.add(topic + " " + text(message)));
        MqttClient deviceA = connect(a);

        // QoS 0: Moquette drops a refused QoS 1 publish without a PUBACK, so the sender would wait for it.
        deviceA.publish(topic(b, "telemetry"), json("forged"), 0, false);
        deviceA.publish(topic(b, "events/card-read"), json("forged"), 0, false);
        deviceA.publish(topic(a, "telemetry"), json("own"), 1, false);

        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(topic(a, "telemetry") + " " + new String(json("own"), StandardCharsets.UTF_8));
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aDeviceSubscribingToAnotherDevicesCommandsReceivesNothing() throws Exception {
        IssuedCredential a = register();
        IssuedCredential b = register();
        BlockingQueue<String> atA = new LinkedBlockingQueue<>();
        BlockingQueue<String> atB = new LinkedBlockingQueue<>();
        MqttClient deviceA = connect(a);
        MqttClient deviceB = connect(b);
        deviceB.subscribe(topic(b, "commands"), 1, (topic, message) -> atB.add(topic));
        try {
            deviceA.subscribe(topic(b, "commands"), 1, (topic, message) -> atA.add(topic));
            deviceA.subscribe("hall24/" + HALL + "/+/commands", 1, (topic, message) -> atA.add(topic));
        }
        catch (MqttException refused) {
            // Paho reports the refused subscription (SUBACK 0x80) as an exception; either way nothing may arrive.
        }

        connectPlatform().publish(topic(b, "commands"), json("open"), 1, false);

        assertThat(atB.poll(5, TimeUnit.SECONDS)).isEqualTo(topic(b, "commands"));
        assertThat(atA.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aDeviceReceivesItsOwnCommandsAndMayNotPublishCommands() throws Exception {
        IssuedCredential a = register();
        BlockingQueue<String> atA = new LinkedBlockingQueue<>();
        BlockingQueue<String> atPlatform = new LinkedBlockingQueue<>();
        MqttClient deviceA = connect(a);
        deviceA.subscribe(topic(a, "commands"), 1, (topic, message) -> atA.add(text(message)));
        connectPlatform().subscribe("hall24/#", 1, (topic, message) -> atPlatform.add(topic));

        deviceA.publish(topic(a, "commands"), json("self"), 0, false);
        connect(platform.username() + "-cmd", platform.username(), platform.password())
                .publish(topic(a, "commands"), json("from-platform"), 1, false);

        assertThat(atA.poll(5, TimeUnit.SECONDS)).isEqualTo(new String(json("from-platform"), StandardCharsets.UTF_8));
        assertThat(atA.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void thePlatformReadsEveryDevicesTopicsAndMayNotPublishStatusForADevice() throws Exception {
        IssuedCredential a = register();
        IssuedCredential b = register();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient platformClient = connectPlatform();
        platformClient.subscribe("hall24/#", 1, (topic, message) -> received.add(topic));

        platformClient.publish(topic(a, "status"), json("forged"), 0, false);
        connect(a).publish(topic(a, "status"), json("online"), 1, false);
        connect(b).publish(topic(b, "replies"), json("ok"), 1, false);

        assertThat(List.of(received.poll(5, TimeUnit.SECONDS), received.poll(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(topic(a, "status"), topic(b, "replies"));
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void thePlatformWithAWrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect("platform-probe", platform.username(), platform.password() + "x"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void aRevokedDeviceIsDisconnectedAndRefusedOnReconnect() throws Exception {
        IssuedCredential credential = register();
        CountDownLatch lost = new CountDownLatch(1);
        MqttClient device = connect(credential);
        device.setCallback(new LostLatch(lost));

        registry.revoke(credential.deviceCode(), "security-test");

        assertThat(lost.await(5, TimeUnit.SECONDS)).as("connection closed on revocation").isTrue();
        assertThatThrownBy(() -> connect(credential))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void rotationInvalidatesTheOldPasswordAndTheNewOneConnects() throws Exception {
        IssuedCredential old = register();

        IssuedCredential rotated = registry.rotate(old.deviceCode(), "security-test");

        assertThat(rotated.password()).isNotEqualTo(old.password());
        assertThatThrownBy(() -> connect(old))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
        assertThat(connect(rotated).isConnected()).isTrue();
    }

    private IssuedCredential register() {
        String code = freshCode();
        return registry.register(new RegisterDevice(code, DeviceType.GOV_KIOSK, "SN-" + code, HALL, "self-service", 10, 10),
                "security-test");
    }

    private static String freshCode() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "T-" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String topic(IssuedCredential device, String kind) {
        return "hall24/" + HALL + "/" + device.deviceCode() + "/" + kind;
    }

    private static byte[] json(String value) {
        return ("{\"v\":1,\"test\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(MqttMessage message) {
        return new String(message.getPayload(), StandardCharsets.UTF_8);
    }

    private MqttClient connect(IssuedCredential credential) throws MqttException {
        return connect(credential.deviceCode(), credential.username(), credential.password());
    }

    private MqttClient connectPlatform() throws MqttException {
        return connect(platform.username() + "-test-" + freshCode(), platform.username(), platform.password());
    }

    private MqttClient connect(String clientId, String username, String password) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port.value(), clientId, new MemoryPersistence());
        clients.add(client);
        client.setTimeToWait(5_000);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        client.connect(options);
        return client;
    }

    private record LostLatch(CountDownLatch latch) implements MqttCallback {

        @Override
        public void connectionLost(Throwable cause) {
            latch.countDown();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
