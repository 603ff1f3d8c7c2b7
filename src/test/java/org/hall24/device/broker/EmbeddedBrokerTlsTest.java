package org.hall24.device.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.net.ssl.SSLSocket;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.DeviceType;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded broker with a TLS listener (a self-signed certificate made at test time, given as
 * a PKCS12 SSL bundle) and a bind address other than the default ({@code 127.0.0.2}, still
 * loopback): a device connects over TLS and is seen online, and neither listener answers on any
 * other address.
 */
@Hall24IntegrationTest(properties = {"hall24.mqtt.host=127.0.0.2", "hall24.mqtt.tls.port=0", "hall24.mqtt.tls.bundle=mqtt-test",
        "spring.ssl.bundle.jks.mqtt-test.keystore.type=PKCS12",
        "spring.ssl.bundle.jks.mqtt-test.keystore.password=" + TestCertificates.PASSWORD})
class EmbeddedBrokerTlsTest {

    private static final Path STORE = TestCertificates.selfSigned("hall24-test-broker");
    private static final Random RANDOM = new Random();

    @DynamicPropertySource
    static void keyStore(DynamicPropertyRegistry properties) {
        properties.add("spring.ssl.bundle.jks.mqtt-test.keystore.location", () -> STORE.toUri().toString());
    }

    @Autowired
    EmbeddedBrokerPort port;

    @Autowired
    PlatformMqttCredentials platform;

    @Autowired
    DeviceRegistry registry;

    @Autowired
    DeviceStatuses statuses;

    @Test
    void theTlsListenerPresentsTheConfiguredCertificate() throws IOException {
        try (SSLSocket socket = (SSLSocket) TestCertificates.trusting(STORE).createSocket("127.0.0.2", port.tlsPort())) {
            socket.startHandshake();

            assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(TestCertificates.certificate(STORE));
        }
    }

    @Test
    void aDeviceConnectsOverTlsAndIsSeenOnline() throws Exception {
        String code = "TLS-" + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) RANDOM.nextInt(), (byte) RANDOM.nextInt()});
        IssuedCredential credential = registry.register(
                new RegisterDevice(code, DeviceType.GOV_KIOSK, "SN-" + code, "TEST-HALL", "self-service", 10, 10), "tls-test");
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setUserName(credential.username());
        options.setPassword(credential.password().toCharArray());
        options.setSocketFactory(TestCertificates.trusting(STORE));
        MqttClient device = new MqttClient("ssl://127.0.0.2:" + port.tlsPort(), code, new MemoryPersistence());
        try {
            device.connect(options);
            String status = "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"state\":\"online\",\"firmware\":\"tls\",\"interval\":10}";
            device.publish("hall24/TEST-HALL/" + code + "/status", status.getBytes(StandardCharsets.UTF_8), 1, true);

            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(statuses.statusOf(code)).isEqualTo(DeviceStatus.ONLINE));
        }
        finally {
            if (device.isConnected()) {
                device.disconnect();
            }
            device.close();
        }
    }

    @Test
    void thePlatformsClientConnectsToTheConfiguredAddress() {
        assertThat(platform.url()).isEqualTo("tcp://127.0.0.2:" + port.value());
    }

    @Test
    void bothListenersAnswerOnTheConfiguredAddressOnly() throws IOException {
        for (int listener : List.of(port.value(), port.tlsPort())) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", listener), 2000);
                assertThat(socket.isConnected()).isTrue();
            }
            for (InetAddress other : otherAddresses()) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(other, listener), 2000);
                    }
                }).as("port %d on %s", listener, other).isInstanceOf(ConnectException.class);
            }
        }
    }

    /** 127.0.0.1 and every IPv4 address of this machine's interfaces but the configured one. */
    private static List<InetAddress> otherAddresses() throws SocketException {
        List<InetAddress> addresses = new java.util.ArrayList<>();
        addresses.add(InetAddress.getLoopbackAddress());
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.getHostAddress().equals("127.0.0.2")
                        && !addresses.contains(address)) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }
}
