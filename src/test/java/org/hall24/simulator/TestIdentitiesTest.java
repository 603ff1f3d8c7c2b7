package org.hall24.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Test identities are valid by GB 11643 and plainly test data; the device list comes from the credentials and halls' files. */
class TestIdentitiesTest {

    @Test
    void theCheckCharacterFollowsGb11643() {
        assertThat(TestIdentities.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(TestIdentities.hasValidCheckCharacter("11010519491231002X")).isTrue();
        assertThat(TestIdentities.hasValidCheckCharacter("110105194912310021")).isFalse();
    }

    @Test
    void generatedIdentitiesHaveValidNumbersMatchingBirthDateSexAndAChongqingRegion() {
        Random random = new Random(42);
        LocalDate today = LocalDate.of(2026, 11, 28);
        for (int i = 0; i < 1_000; i++) {
            TestIdentity identity = TestIdentities.generate(random, today);
            String number = identity.idNumber();
            assertThat(TestIdentities.hasValidCheckCharacter(number)).as(number).isTrue();
            assertThat(number).startsWith("500");
            assertThat(number.substring(6, 14)).isEqualTo(identity.birthDate().toString().replace("-", ""));
            assertThat((number.charAt(16) - '0') % 2 == 1).isEqualTo(identity.sex().equals("男"));
            assertThat(identity.birthDate()).isBetween(today.minusYears(76), today.minusYears(18));
            assertThat(identity.validTo()).isAfter(today);
            assertThat(identity.address()).endsWith("（测试数据）");
        }
    }

    @Test
    void theCardPhotoIsAJpeg() {
        byte[] photo = TestIdentities.generate(new Random(1), LocalDate.of(2026, 11, 28)).photo();
        assertThat(photo).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(photo.length).isBetween(1_000, 64 * 1024);
    }

    @Test
    void theSeedHallGivesThirteenDevicesAndTheCabinetTwentyFourCompartments() {
        List<DeviceFiles.HallDevice> seed = DeviceFiles.readHalls(Path.of("src/main/resources/halls"));
        assertThat(seed).hasSize(13).allMatch(d -> d.hall().equals("JLP-YJP"));
        DeviceFiles.HallDevice cabinet = seed.stream().filter(d -> d.type().equals("FILE_CABINET")).findFirst().orElseThrow();
        assertThat(cabinet.compartments()).hasSize(24).startsWith("A1", "A2", "A3", "A4", "B1").endsWith("F4");
    }

    @Test
    void onlyDevicesWithACredentialAreSimulatedAndUnknownCodesBecomeSyntheticKiosks() {
        String yaml = """
                code: H1
                devices:
                  - {code: H1-GOV-01, type: GOV_KIOSK}
                  - {code: H1-CAB-01, type: FILE_CABINET, cabinet: {rows: 2, columns: 2}}
                  - {code: H1-TAX-01, type: TAX_KIOSK}
                """;
        List<DeviceFiles.HallDevice> hall = DeviceFiles.readHall(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "h1");
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("H1-CAB-01", "p1");
        credentials.put("H1-GOV-01", "p2");
        credentials.put("H1-SIM-00001", "p3");
        credentials.put("LOAD-1", "p4");

        List<SimulatedDeviceSpec> specs = DeviceFiles.devices(credentials, hall, Integer.MAX_VALUE);
        assertThat(specs).extracting(SimulatedDeviceSpec::code).containsExactly("H1-GOV-01", "H1-CAB-01", "H1-SIM-00001", "LOAD-1");
        assertThat(specs.get(1).compartments()).containsExactly("A1", "A2", "B1", "B2");
        assertThat(specs.get(2).hall()).isEqualTo("H1");
        assertThat(specs.get(2).type()).isEqualTo("GOV_KIOSK");
        assertThat(specs.get(3).hall()).isEqualTo("BENCH");
        assertThat(DeviceFiles.devices(credentials, hall, 3)).hasSize(3);
    }
}
