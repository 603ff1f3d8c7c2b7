package org.hall24.hall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.RegisteredDevice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin device registry page against the real registry and the configured halls. Devices are
 * registered into the test hall {@value #HALL} (no device in its file), so that the seed hall keeps
 * exactly its file's devices for the other tests.
 */
@Hall24IntegrationTest
class AdminDeviceRegistryTest {

    static final String HALL = "TEST-ANNEX";

    private static final RequestPostProcessor ADMIN = user("device-admin").roles("ADMIN");
    private static final Pattern PASSWORD = Pattern.compile("id=\"credential-password\">([A-Za-z0-9_-]{43})<");
    private static final Random RANDOM = new Random();

    @Autowired
    MockMvc mvc;

    @Autowired
    DeviceRegistry registry;

    @Test
    void theRegistryListsTheSeedHallsDevicesWithTheirCredentialState() throws Exception {
        String page = page(get("/admin/devices/registry").with(ADMIN));

        assertThat(page).contains("JLP-YJP-POL-01", "GA-ZZ-2021-0601", "self-service", "620, 90");
    }

    @Test
    void registeringShowsTheCredentialOnceAndItVerifies() throws Exception {
        String code = freshCode();

        String page = (register(code, "SN-" + code, HALL, "self-service", "700", "200"));

        Matcher password = PASSWORD.matcher(page);
        assertThat(password.find()).isTrue();
        assertThat(registry.verify(code, password.group(1).getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(page(get("/admin/devices/registry").with(ADMIN))).contains(code).doesNotContain(password.group(1));
    }

    @Test
    void aMissingSerialIsShownBesideItsFieldAndNothingIsSaved() throws Exception {
        String code = freshCode();

        String page = (register(code, "", HALL, "self-service", "700", "200"));

        assertThat(page).contains("id=\"error-serial\"").doesNotContain("id=\"credential-password\"");
        assertThat(registry.find(code)).isEmpty();
    }

    @Test
    void aZoneOfAnotherHallOrAPositionOutsideTheZoneIsRefused() throws Exception {
        String code = freshCode();

        assertThat((register(code, "SN-" + code, HALL, "no-such-zone", "700", "200"))).contains("id=\"error-zone\"");
        assertThat((register(code, "SN-" + code, HALL, "self-service", "abc", "-5")))
                .contains("id=\"error-x\"", "id=\"error-y\"");
        assertThat(registry.find(code)).isEmpty();
    }

    @Test
    void rotatingShowsANewCredentialAndRevokingMarksTheDeviceRevoked() throws Exception {
        String code = freshCode();
        register(code, "SN-" + code, HALL, "self-service", "700", "200");

        mvc.perform(post("/admin/devices/registry/{code}/rotate", code).with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"));
        mvc.perform(post("/admin/devices/registry/{code}/revoke", code).with(ADMIN).with(csrf()))
                .andExpect(status().isOk());

        assertThat(registry.find(code)).get().extracting(RegisteredDevice::credentialState)
                .isEqualTo(RegisteredDevice.CredentialState.REVOKED);
    }

    @Test
    void staffWithoutTheAdminRoleCannotRevokeAndACsrfTokenIsRequired() throws Exception {
        String code = freshCode();
        register(code, "SN-" + code, HALL, "self-service", "700", "200");

        mvc.perform(post("/admin/devices/registry/{code}/revoke", code).with(user("clerk").roles("STAFF")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/devices/registry/{code}/revoke", code).with(ADMIN)).andExpect(status().isForbidden());

        assertThat(registry.find(code)).get().matches(RegisteredDevice::active);
    }

    @Test
    void aRegisteredDeviceIsOneOfItsHallsDevicesInTheApiAndOnTheGuideMapAtItsPosition() throws Exception {
        String code = freshCode();

        register(code, "SN-" + code, HALL, "self-service", "730", "410");

        String devices = page(get("/api/v1/devices").param("hall", HALL));
        assertThat(devices).contains("\"code\":\"" + code + "\"");
        String device = page(get("/api/v1/devices/{code}", code));
        assertThat(device).contains("\"hall\":\"" + HALL + "\"", "\"zone\":\"self-service\"", "\"x\":730", "\"y\":410",
                "\"type\":\"POLICE_KIOSK\"", "\"status\":\"UNKNOWN\"", "公安自助服务设备 " + code).doesNotContain("serial");
        String map = page(get("/guide/{hall}", HALL));
        Matcher onMap = Pattern.compile("<a[^>]*data-device=\"" + code + "\"[^>]*>(.*?)</a>", Pattern.DOTALL).matcher(map);
        assertThat(onMap.find()).as("the device on the map").isTrue();
        // The device's body is centred on its position (136 by 88 cm), its number below the centre.
        assertThat(onMap.group(1)).contains("x=\"662\"", "y=\"366\"", "x=\"730\"", "y=\"440\"");
        assertThat(page(get("/guide/{hall}/devices/{code}", HALL, code))).contains(code);
    }

    @Test
    void aFileCabinetIsRefusedBecauseItsCompartmentsComeFromTheHallFile() throws Exception {
        String code = freshCode();

        String page = page(post("/admin/devices/registry").with(ADMIN).with(csrf())
                .param("code", code).param("type", "FILE_CABINET").param("serial", "SN-" + code).param("hall", HALL)
                .param("zone", "self-service").param("x", "700").param("y", "200"));

        assertThat(page).contains("id=\"error-type\"").doesNotContain("id=\"credential-password\"");
        assertThat(registry.find(code)).isEmpty();
    }

    private String register(String code, String serial, String hall, String zone, String x, String y) throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/devices/registry").with(ADMIN).with(csrf())
                .param("code", code).param("type", "POLICE_KIOSK").param("serial", serial).param("hall", hall)
                .param("zone", zone).param("x", x).param("y", y);
        return page(request);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String freshCode() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return "TEST-ANNEX-POL-T" + HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
