package org.hall24.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.Hall24IntegrationTest;
import org.hall24.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * A kiosk browser is paired with a device by a one-time code an admin issued; only paired browsers
 * reach the kiosk pages, and unpairing takes effect at once. Each test uses its own kiosk device.
 */
@Hall24IntegrationTest
class KioskPairingTest {

    static final RequestPostProcessor ADMIN = user("kiosk-admin").roles("ADMIN");
    static final Pattern CODE = Pattern.compile("id=\"pairing-code\">(\\d{8})<");

    @Autowired
    MockMvc mvc;

    @Autowired
    KioskPairings pairings;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    String issue(String device) throws Exception {
        String page = mvc.perform(post("/admin/kiosks/{code}/pairing-code", device).with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = CODE.matcher(page);
        assertThat(m.find()).as("the code is shown").isTrue();
        return m.group(1);
    }

    MockHttpServletResponse pair(String code, String address) throws Exception {
        return mvc.perform(post("/kiosk/pair").param("code", code).with(csrf()).with(from(address))
                .header("User-Agent", "KioskTest/1.0")).andReturn().getResponse();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String address() {
        return "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void anIssuedCodePairsTheBrowserOnceAndTheCookieOpensTheKiosk() throws Exception {
        String code = issue("JLP-YJP-POL-02");
        assertThat(jdbc.sql("select count(*) from kiosk_pairing_code where code_hash like ?").param("%" + code + "%")
                .query(Long.class).single()).as("stored hashed").isZero();

        MockHttpServletResponse paired = pair(code, address());

        assertThat(paired.getStatus()).isEqualTo(302);
        assertThat(paired.getRedirectedUrl()).isEqualTo("/kiosk");
        String setCookie = paired.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("HALL24_KIOSK=").contains("HttpOnly", "SameSite=Strict", "Max-Age=");
        Cookie cookie = paired.getCookie("HALL24_KIOSK");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).hasSizeGreaterThanOrEqualTo(43);

        String page = mvc.perform(get("/kiosk").cookie(cookie))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("JLP-YJP-POL-02", "data-screen=\"attract\"", "name=\"_csrf\"");

        String again = pair(code, address()).getContentAsString();
        assertThat(again).contains("配对码已使用过");

        await().atMost(Duration.ofSeconds(10)).until(() -> trail.about("kiosk:JLP-YJP-POL-02").stream()
                .map(e -> e.action()).toList().containsAll(java.util.List.of("kiosk.pairing-code.issued", "kiosk.paired")));
        assertThat(trail.about("kiosk:JLP-YJP-POL-02")).noneMatch(e -> e.detail().contains(code));
    }

    @Test
    void aWrongCodeIsRefusedBesideTheFieldInChineseAndEnglish() throws Exception {
        String address = address();
        MockHttpServletResponse wrong = pair("00000000", address);
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("id=\"code-error\"", "配对码不正确");
        assertThat(wrong.getCookie("HALL24_KIOSK")).isNull();

        String english = mvc.perform(post("/kiosk/pair").param("code", "1234").param("lang", "en").with(csrf()).with(from(address)))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("This pairing code is not right");
    }

    @Test
    void anExpiredOrReplacedCodeIsRefused() throws Exception {
        String first = issue("JLP-YJP-GOV-01");
        String second = issue("JLP-YJP-GOV-01");
        assertThat(pair(first, address()).getContentAsString()).as("replaced").contains("配对码已过期");

        jdbc.sql("update kiosk_pairing_code set expires_at = now() - interval '1 second' where device_code = 'JLP-YJP-GOV-01'").update();
        assertThat(pair(second, address()).getContentAsString()).as("expired").contains("配对码已过期");
    }

    @Test
    void wrongCodesAreLimitedPerClientAddress() throws Exception {
        String address = address();
        for (int i = 0; i < 5; i++) {
            assertThat(pair(String.format("%08d", i), address).getStatus()).isEqualTo(422);
        }
        String code = issue("JLP-YJP-TAX-01");
        MockHttpServletResponse limited = pair(code, address);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains("错误次数过多");
        assertThat(pair(code, address()).getStatus()).as("another address is not limited").isEqualTo(302);
    }

    @Test
    void anUnpairedBrowserGetsAForbiddenPageAndApiStyleRequestsAProblem() throws Exception {
        String page = mvc.perform(get("/kiosk").accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"unpaired\"", "/kiosk/pair");

        mvc.perform(post("/kiosk/session/end").with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        mvc.perform(get("/kiosk/identify").header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        mvc.perform(get("/kiosk").cookie(new Cookie("HALL24_KIOSK", "forged-token")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRevokedPairingIsRefusedAtOnce() throws Exception {
        String code = issue("JLP-YJP-HRSS-01");
        Cookie cookie = pair(code, address()).getCookie("HALL24_KIOSK");
        mvc.perform(get("/kiosk").cookie(cookie)).andExpect(status().isOk());
        UUID pairing = pairings.kiosks().stream().filter(k -> k.deviceCode().equals("JLP-YJP-HRSS-01"))
                .flatMap(k -> k.pairings().stream()).findFirst().orElseThrow().id();

        mvc.perform(post("/admin/kiosks/pairings/{id}/revoke", pairing).with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/kiosk").cookie(cookie).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        await().atMost(Duration.ofSeconds(10)).until(() -> trail.about("kiosk:JLP-YJP-HRSS-01").stream()
                .anyMatch(e -> e.action().equals("kiosk.pairing.revoked") && e.actor().equals("kiosk-admin")));
    }

    @Test
    void theAdminPageListsTheKiosksAndTheCabinetWhoseScreenPairsTheSameWay() throws Exception {
        String page = mvc.perform(get("/admin/kiosks").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("kiosk-JLP-YJP-POL-01", "kiosk-JLP-YJP-QRY-01", "kiosk-JLP-YJP-CAB-01");
        mvc.perform(get("/admin/kiosks")).andExpect(status().is3xxRedirection());
    }
}
