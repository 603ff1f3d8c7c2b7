package org.hall24.hall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.RegisteredDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device registry as an API for provisioning tools, signed in by HTTP Basic with real staff
 * accounts. Devices go into the test hall {@value AdminDeviceRegistryTest#HALL}.
 */
@Hall24IntegrationTest
class ApiAdminDevicesTest {

    private static final String HALL = AdminDeviceRegistryTest.HALL;
    private static final String API = "/api/v1/admin/devices";
    private static final String PASSWORD = "api-test-password";
    private static final Random RANDOM = new Random();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DeviceRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    RequestPostProcessor admin;
    RequestPostProcessor clerk;

    @BeforeEach
    void staffAccounts() {
        admin = httpBasic(account("ADMIN"), PASSWORD);
        clerk = httpBasic(account("STAFF"), PASSWORD);
    }

    private String account(String roles) {
        String username = "api-" + roles.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into accounts_staff (id, username, display_name, password_hash, roles, enabled, created_at,
                    must_change_password)
                values (?, ?, ?, ?, ?, true, ?, false)""")
                .params(UUID.randomUUID(), username, username, passwords.encode(PASSWORD), roles, Timestamp.from(Instant.now()))
                .update();
        return username;
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithABasicChallengeAsAProblem() {
        for (MvcTestResult result : new MvcTestResult[] {
                mvc.get().uri(API).exchange(),
                mvc.post().uri(API).contentType(MediaType.APPLICATION_JSON).content(registration(freshCode())).exchange(),
                mvc.get().uri(API).with(httpBasic("nobody", PASSWORD)).exchange() }) {
            assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE,
                    values -> assertThat(values.get(0)).startsWith("Basic realm="));
            assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(401);
        }
    }

    @Test
    void aWrongPasswordIs401AndRegistersNothing() {
        String code = freshCode();

        MvcTestResult result = mvc.post().uri(API).with(httpBasic(account("ADMIN"), "not-the-password"))
                .contentType(MediaType.APPLICATION_JSON).content(registration(code)).exchange();

        assertThat(result).hasStatus(401);
        assertThat(registry.find(code)).isEmpty();
    }

    /** Basic is no way round the sign-in throttle: guessed passwords lock the name, the right one then fails too. */
    @Test
    void guessingPasswordsOverBasicLocksTheNameLikeTheSignInForm() {
        String username = account("ADMIN");
        RequestPostProcessor address = request -> {
            request.setRemoteAddr("198.51.100." + (1 + RANDOM.nextInt(250)));
            return request;
        };
        assertThat(mvc.get().uri(API).with(httpBasic(username, PASSWORD)).with(address).exchange()).hasStatusOk();
        for (int i = 0; i < 6; i++) {
            assertThat(mvc.get().uri(API).with(httpBasic(username, "guess-" + i)).with(address).exchange()).hasStatus(401);
        }
        assertThat(mvc.get().uri(API).with(httpBasic(username, PASSWORD)).with(address).exchange())
                .as("locked even with the right password").hasStatus(401);
    }

    @Test
    void staffWithoutTheAdminRoleAre403AndRegisterNothing() {
        String code = freshCode();

        assertThat(mvc.get().uri(API).with(clerk).exchange()).hasStatus(403)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri(API).with(clerk).contentType(MediaType.APPLICATION_JSON).content(registration(code))
                .exchange()).hasStatus(403);
        assertThat(registry.find(code)).isEmpty();
    }

    @Test
    void aRequestABrowserSendsFromAnotherSiteIsRefusedEvenWithAnAdminsCredentials() {
        String code = freshCode();

        MvcTestResult result = mvc.post().uri(API).with(admin).header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_JSON).content(registration(code)).exchange();

        assertThat(result).hasStatus(403);
        assertThat(registry.find(code)).isEmpty();
        assertThat(mvc.get().uri(API).with(admin).header("Sec-Fetch-Site", "same-origin").exchange()).hasStatusOk();
    }

    @Test
    void registeringAnswers201WithTheCredentialOnceAndTheDeviceStandsInItsHall() throws Exception {
        String code = freshCode();

        MvcTestResult result = mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON)
                .content(registration(code)).exchange();

        assertThat(result).hasStatus(201).hasHeader(HttpHeaders.LOCATION, API + "/" + code);
        assertThat(result).headers().hasHeaderSatisfying(HttpHeaders.CACHE_CONTROL,
                values -> assertThat(values).anySatisfy(v -> assertThat(v).contains("no-store")));
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.path("device").path("serial").asString()).isEqualTo("SN-" + code);
        assertThat(body.path("device").path("credentialState").asString()).isEqualTo("ACTIVE");
        assertThat(body.path("credential").path("username").asString()).isEqualTo(code);
        String password = body.path("credential").path("password").asString();
        assertThat(registry.verify(code, password.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(registry.find(code)).get().extracting(RegisteredDevice::hall, RegisteredDevice::x, RegisteredDevice::y)
                .containsExactly(HALL, 730, 410);

        MvcTestResult listed = mvc.get().uri(API).param("hall", HALL).with(admin).exchange();
        assertThat(listed).hasStatusOk();
        assertThat(listed).bodyJson().extractingPath("$[?(@.code == '" + code + "')].serial").asArray()
                .containsExactly("SN-" + code);
        assertThat(listed).bodyText().doesNotContain(password);
        assertThat(mvc.get().uri(API + "/" + code).with(admin).exchange()).bodyJson().extractingPath("$.serial")
                .isEqualTo("SN-" + code);
        MvcTestResult inPublicApi = mvc.get().uri("/api/v1/devices/" + code).exchange();
        assertThat(inPublicApi).hasStatusOk();
        assertThat(inPublicApi).bodyJson().extractingPath("$.hall").isEqualTo(HALL);
        assertThat(inPublicApi).bodyText().doesNotContain("serial", "SN-" + code);
        assertThat(mvc.get().uri("/guide/" + HALL).exchange()).bodyText().contains("data-device=\"" + code + "\"");
    }

    @Test
    void rotatingIssuesANewCredentialAndRevokingRefusesTheDevice() throws Exception {
        String code = freshCode();
        String first = JSON.readTree(mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON)
                .content(registration(code)).exchange().getResponse().getContentAsString())
                .path("credential").path("password").asString();

        MvcTestResult rotated = mvc.post().uri(API + "/" + code + "/credential").with(admin).exchange();

        assertThat(rotated).hasStatusOk();
        String second = JSON.readTree(rotated.getResponse().getContentAsString()).path("password").asString();
        assertThat(registry.verify(code, first.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(registry.verify(code, second.getBytes(StandardCharsets.UTF_8))).isTrue();

        assertThat(mvc.delete().uri(API + "/" + code + "/credential").with(admin).exchange()).hasStatus(204);

        assertThat(registry.verify(code, second.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(mvc.get().uri(API + "/" + code).with(admin).exchange()).bodyJson().extractingPath("$.credentialState")
                .isEqualTo("REVOKED");
    }

    @Test
    void anUnknownDeviceIsAProblem404() {
        for (MvcTestResult result : new MvcTestResult[] {
                mvc.get().uri(API + "/NO-SUCH-DEVICE").with(admin).exchange(),
                mvc.post().uri(API + "/NO-SUCH-DEVICE/credential").with(admin).exchange(),
                mvc.delete().uri(API + "/NO-SUCH-DEVICE/credential").with(admin).exchange() }) {
            assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void anInvalidRegistrationIs400NamingEveryFieldAndSavesNothing() {
        String code = freshCode();
        String body = """
                {"code": "%s", "type": "TOASTER", "hall": "%s", "zone": "self-service", "x": "left", "y": 5000,
                 "colour": "red"}""".formatted(code, HALL);

        MvcTestResult result = mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON).content(body).exchange();

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray()
                .containsExactlyInAnyOrder("type", "serial", "x", "y", "colour");
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.parameter == 'y')].reason").asArray()
                .containsExactly("The position must lie within the zone (0 to 600 cm)");
        assertThat(registry.find(code)).isEmpty();
    }

    @Test
    void aFileCabinetAnUnknownZoneAndABodyThatIsNotJsonAre400() {
        String code = freshCode();

        MvcTestResult cabinet = mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON)
                .content(registration(code).replace("POLICE_KIOSK", "FILE_CABINET").replace("self-service", "lobby")).exchange();
        MvcTestResult notJson = mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("code=" + code).exchange();

        assertThat(cabinet).hasStatus(400);
        assertThat(cabinet).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactlyInAnyOrder("type", "zone");
        assertThat(notJson).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notJson).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly("body");
        assertThat(registry.find(code)).isEmpty();
    }

    @Test
    void aCodeOrSerialRegisteredAlreadyIs409() {
        String code = freshCode();
        assertThat(mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON).content(registration(code))
                .exchange()).hasStatus(201);

        MvcTestResult sameCode = mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON)
                .content(registration(code).replace("\"SN-" + code, "\"SN-OTHER-" + code)).exchange();
        MvcTestResult sameSerial = mvc.post().uri(API).with(admin).contentType(MediaType.APPLICATION_JSON)
                .content(registration(code).replace("\"code\": \"" + code, "\"code\": \"" + code + "-B")).exchange();

        assertThat(sameCode).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(sameCode).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly("code");
        assertThat(sameSerial).hasStatus(409);
        assertThat(sameSerial).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly("serial");
        assertThat(registry.find(code + "-B")).isEmpty();
    }

    private static String registration(String code) {
        return """
                {"code": "%s", "type": "POLICE_KIOSK", "serial": "SN-%s", "hall": "%s", "zone": "self-service",
                 "x": 730, "y": 410}""".formatted(code, code, HALL);
    }

    private static String freshCode() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return "TEST-ANNEX-API-" + HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
