package org.hall24.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.hall24.Hall24IntegrationTest;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.DeviceType;
import org.hall24.device.RegisteredDevice;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The seed hall's devices are provisioned at start-up; with the simulator on, their fresh
 * credentials go to an owner-only file the simulator reads. With
 * {@code hall24.simulator.synthetic-devices=N}, N benchmark devices are provisioned too.
 */
@Hall24IntegrationTest(properties = {"hall24.simulator.enabled=true",
        "hall24.simulator.credentials-file=target/test-simulator/credentials.properties",
        "hall24.simulator.synthetic-devices=5"})
class DeviceProvisioningTest {

    @Autowired
    Halls halls;

    @Autowired
    DeviceRegistry registry;

    @Autowired
    DeviceProvisioning provisioning;

    @Autowired
    EmbeddedBrokerPort brokerPort;

    @Autowired
    DeviceStatuses statuses;

    @Value("${hall24.simulator.credentials-file}")
    Path file;

    @Test
    void syntheticBenchDevicesAreRegisteredAsSimulatedGovKiosksInHallBench() throws IOException {
        for (int n = 1; n <= 5; n++) {
            String code = "BENCH-SIM-0000" + n;
            RegisteredDevice device = registry.find(code).orElseThrow();
            assertThat(device.type()).isEqualTo(DeviceType.GOV_KIOSK);
            assertThat(device.hall()).isEqualTo("BENCH");
            assertThat(device.zone()).isEqualTo("bench");
            assertThat(device.serial()).isEqualTo("BENCH-0000" + n);
            assertThat(device.simulated()).isTrue();
            assertThat(device.active()).isTrue();
            assertThat(registry.verify(code, load().getProperty(code).getBytes(StandardCharsets.UTF_8))).isTrue();
        }
        assertThat(registry.find("BENCH-SIM-00006")).isEmpty();
    }

    @Test
    void aSyntheticDeviceConnectsWithItsWrittenCredentialAndReportsFromHallBench() throws Exception {
        String code = "BENCH-SIM-00003";
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(code);
        options.setPassword(load().getProperty(code).toCharArray());
        MqttClient device = new MqttClient(brokerPort.plainUrl(), code, new MemoryPersistence());
        try {
            device.connect(options);
            String status = "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"state\":\"online\",\"firmware\":\"bench\",\"interval\":10}";
            // Retained, as the protocol says: the gateway may still be (re)subscribing when it is sent.
            device.publish("hall24/BENCH/" + code + "/status", status.getBytes(StandardCharsets.UTF_8), 1, true);

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
    void everyDeviceOfTheSeedHallIsRegisteredAsSimulatedWithItsPlacement() {
        for (PlacedDevice placed : halls.defaultHall().devices()) {
            RegisteredDevice device = registry.find(placed.code()).orElseThrow();
            assertThat(device.hall()).isEqualTo(placed.hall());
            assertThat(device.type()).isEqualTo(placed.type());
            assertThat(device.serial()).isEqualTo(placed.serial());
            assertThat(device.zone()).isEqualTo(placed.zone());
            assertThat(device.simulated()).isTrue();
            assertThat(device.active()).isTrue();
        }
    }

    @Test
    void theSimulatorsCredentialsFileIsOwnerOnlyAndItsPasswordsVerify() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            credentials.load(in);
        }
        assertThat(credentials.stringPropertyNames()).containsAll(
                halls.defaultHall().devices().stream().map(PlacedDevice::code).toList());
        String code = halls.defaultHall().devices().get(0).code();
        assertThat(registry.verify(code, credentials.getProperty(code).getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void provisioningAgainRotatesSimulatedCredentialsAndRegistersNothingTwice() throws IOException {
        String code = halls.defaultHall().devices().get(0).code();
        Properties before = load();
        int devices = registry.all().size();

        provisioning.afterSingletonsInstantiated();

        Properties after = load();
        assertThat(registry.all()).hasSize(devices);
        assertThat(after.getProperty(code)).isNotEqualTo(before.getProperty(code));
        assertThat(registry.verify(code, before.getProperty(code).getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(registry.verify(code, after.getProperty(code).getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    private Properties load() throws IOException {
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            credentials.load(in);
        }
        return credentials;
    }
}
