package org.hall24.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.RegisteredDevice;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The seed hall's devices are provisioned at start-up; with the simulator on, their fresh
 * credentials go to an owner-only file the simulator reads.
 */
@Hall24IntegrationTest(properties = {"hall24.simulator.enabled=true",
        "hall24.simulator.credentials-file=target/test-simulator/credentials.properties"})
class DeviceProvisioningTest {

    @Autowired
    Halls halls;

    @Autowired
    DeviceRegistry registry;

    @Autowired
    DeviceProvisioning provisioning;

    @Value("${hall24.simulator.credentials-file}")
    Path file;

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
