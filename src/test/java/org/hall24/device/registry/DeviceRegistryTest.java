package org.hall24.device.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceCredentialRevoked;
import org.hall24.device.DeviceCredentialRotated;
import org.hall24.device.DeviceRegistered;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.InvalidRegistrationException;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.RegisteredDevice;
import org.hall24.device.RegistrationViolation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The registry on a real PostgreSQL: what it stores, records and publishes. */
@Hall24IntegrationTest
@RecordApplicationEvents
class DeviceRegistryTest {

    private static final Random RANDOM = new Random();

    @Autowired
    DeviceRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void onlyTheSha256HashOfTheCredentialIsStoredNeverThePassword() {
        IssuedCredential credential = registry.register(device(), "registry-test");

        Map<String, Object> row = jdbc.sql("select * from device_registration where code = ?")
                .param(credential.deviceCode()).query().singleRow();
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(credential.password()));
        assertThat((byte[]) row.get("credential_hash")).isEqualTo(DeviceCredentials.hash(credential.password()));
        assertThat(Base64.getUrlDecoder().decode(credential.password())).hasSize(32);
        assertThat(credential.toString()).doesNotContain(credential.password()).contains("****");
    }

    @Test
    void registrationRotationAndRevocationAreRecordedWithWhoAndPublished() {
        IssuedCredential credential = registry.register(device(), "alice");
        registry.rotate(credential.deviceCode(), "bob");
        registry.revoke(credential.deviceCode(), "carol");
        registry.revoke(credential.deviceCode(), "carol");

        List<String> recorded = jdbc.sql("select kind || ' by ' || actor from device_credential_event where device_code = ? order by id")
                .param(credential.deviceCode()).query(String.class).list();
        assertThat(recorded).containsExactly("REGISTERED by alice", "ROTATED by bob", "REVOKED by carol");
        assertThat(events.stream(DeviceRegistered.class)).anyMatch(e -> e.deviceCode().equals(credential.deviceCode()));
        assertThat(events.stream(DeviceCredentialRotated.class)).anyMatch(e -> e.by().equals("bob"));
        assertThat(events.stream(DeviceCredentialRevoked.class)).filteredOn(e -> e.deviceCode().equals(credential.deviceCode()))
                .hasSize(1);
        assertThat(registry.find(credential.deviceCode())).get().extracting(RegisteredDevice::credentialState)
                .isEqualTo(RegisteredDevice.CredentialState.REVOKED);
    }

    @Test
    void aRevokedCredentialNoLongerVerifiesAndRotationReactivatesTheDevice() {
        IssuedCredential credential = registry.register(device(), "registry-test");
        registry.revoke(credential.deviceCode(), "registry-test");

        assertThat(registry.verify(credential.deviceCode(), bytes(credential.password()))).isFalse();
        IssuedCredential rotated = registry.rotate(credential.deviceCode(), "registry-test");
        assertThat(registry.verify(credential.deviceCode(), bytes(rotated.password()))).isTrue();
        assertThat(registry.verify(credential.deviceCode(), bytes(credential.password()))).isFalse();
    }

    @Test
    void aTakenCodeOrSerialAndAMalformedCodeAreRefusedAndNothingIsSaved() {
        RegisterDevice first = device();
        registry.register(first, "registry-test");
        int before = registry.all().size();

        assertThatThrownBy(() -> registry.register(new RegisterDevice(first.code(), DeviceType.TAX_KIOSK, first.serial(),
                "TEST-HALL", "self-service", 1, 1), "registry-test"))
                .isInstanceOfSatisfying(InvalidRegistrationException.class, e -> assertThat(e.violations()).containsExactly(
                        new RegistrationViolation("code", "device.violation.code-taken"),
                        new RegistrationViolation("serial", "device.violation.serial-taken")));
        assertThat(registry.check(new RegisterDevice("hall24/#", DeviceType.TAX_KIOSK, "S", "TEST-HALL", "z", 1, 1)))
                .contains(new RegistrationViolation("code", "device.violation.code-format"));
        assertThat(registry.all()).hasSize(before);
    }

    static RegisterDevice device() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String code = "R-" + HexFormat.of().withUpperCase().formatHex(random);
        return new RegisterDevice(code, DeviceType.POLICE_KIOSK, "SN-" + code, "TEST-HALL", "self-service", 100, 200);
    }

    private static byte[] bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
