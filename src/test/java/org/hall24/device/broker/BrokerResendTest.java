package org.hall24.device.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A device that resends a QoS 1 message after a reconnect (the DUP flag set, as every MQTT client
 * with a persistent session does) must not stop the embedded broker: the message is delivered,
 * and the broker goes on serving the same device and others. Without {@link MoquetteResendFix}
 * Moquette 0.17 loses a session thread here and never serves those clients again.
 */
@Hall24IntegrationTest
class BrokerResendTest {

    private static final String HALL = "TEST-HALL";
    private static final Random RANDOM = new Random();

    @Autowired
    DeviceRegistry registry;

    @Autowired
    EmbeddedBrokerPort port;

    @Autowired
    PlatformMqttCredentials platform;

    @Test
    void aResentQos1MessageIsDeliveredAndTheBrokerKeepsServing() throws Exception {
        List<IssuedCredential> devices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String code = "T-" + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) RANDOM.nextInt(), (byte) RANDOM.nextInt(),
                    (byte) RANDOM.nextInt(), (byte) RANDOM.nextInt()});
            devices.add(registry.register(new RegisterDevice(code, DeviceType.GOV_KIOSK, "SN-" + code, HALL, "self-service", 10, 10),
                    "resend-test"));
        }
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = new MqttClient("tcp://127.0.0.1:" + port.value(), "hall24-platform-resend-test", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(platform.username());
        options.setPassword(platform.password().toCharArray());
        subscriber.connect(options);
        subscriber.subscribe("hall24/" + HALL + "/+/events/+", 1, (topic, message) -> received.add(topic));
        try {
            for (IssuedCredential device : devices) {
                try (RawMqtt raw = RawMqtt.connect(port.value(), device)) {
                    String topic = "hall24/" + HALL + "/" + device.deviceCode() + "/events/door-closed";
                    raw.publishQos1(topic, 7, true);
                    assertThat(received.poll(5, TimeUnit.SECONDS)).as("the resent message of %s", device.deviceCode()).isEqualTo(topic);
                    raw.publishQos1(topic, 8, false);
                    assertThat(received.poll(5, TimeUnit.SECONDS)).as("the next message of %s", device.deviceCode()).isEqualTo(topic);
                }
            }
        }
        finally {
            subscriber.disconnectForcibly(100, 100);
            subscriber.close(true);
        }
    }

    /** Just enough MQTT 3.1.1 over a socket to send what Paho will not let a test send: a DUP flag. */
    static final class RawMqtt implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final DataInputStream in;

        private RawMqtt(Socket socket) throws IOException {
            this.socket = socket;
            this.socket.setSoTimeout(5000);
            this.out = socket.getOutputStream();
            this.in = new DataInputStream(socket.getInputStream());
        }

        static RawMqtt connect(int port, IssuedCredential device) throws IOException {
            RawMqtt raw = new RawMqtt(new Socket("127.0.0.1", port));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            utf8(body, "MQTT");
            body.write(4);
            body.write(0b1100_0010);
            body.write(0);
            body.write(30);
            utf8(body, device.deviceCode());
            utf8(body, device.username());
            utf8(body, device.password());
            raw.packet(0x10, body.toByteArray());
            int type = raw.in.readUnsignedByte();
            int length = raw.in.readUnsignedByte();
            byte[] ack = new byte[length];
            raw.in.readFully(ack);
            assertThat(type).as("CONNACK").isEqualTo(0x20);
            assertThat(ack[1]).as("connection accepted").isZero();
            return raw;
        }

        void publishQos1(String topic, int packetId, boolean dup) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            utf8(body, topic);
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
            body.write(("{\"v\":1,\"ts\":\"2026-11-28T09:00:00Z\",\"id\":\"" + java.util.UUID.randomUUID()
                    + "\",\"compartment\":\"A1\"}").getBytes(StandardCharsets.UTF_8));
            raw(0x30 | (dup ? 0x08 : 0) | 0x02, body.toByteArray());
            int type = in.readUnsignedByte();
            int length = in.readUnsignedByte();
            byte[] ack = new byte[length];
            in.readFully(ack);
            assertThat(type).as("PUBACK").isEqualTo(0x40);
        }

        private void raw(int header, byte[] body) throws IOException {
            packet(header, body);
        }

        private void packet(int header, byte[] body) throws IOException {
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            packet.write(header);
            int length = body.length;
            do {
                int digit = length % 128;
                length /= 128;
                packet.write(length > 0 ? digit | 0x80 : digit);
            } while (length > 0);
            packet.write(body);
            out.write(packet.toByteArray());
            out.flush();
        }

        private static void utf8(ByteArrayOutputStream out, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >> 8);
            out.write(bytes.length & 0xFF);
            out.write(bytes, 0, bytes.length);
        }

        @Override
        public void close() throws IOException {
            out.write(new byte[] {(byte) 0xE0, 0});
            socket.close();
        }
    }
}
