package org.hall24.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.KioskPairings;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.hall24.testing.FaceReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * The kiosk screens of a paired browser follow the kiosk's session: attract without one, identify
 * (and its htmx fragment) while it waits for the face, the items once verified, and
 * {@code @VerifiedSession} keeps later screens from a browser without a verified session.
 */
@Hall24IntegrationTest
class KioskScreensTest {

    static final String KIOSK = "JLP-YJP-TAX-02";

    @Autowired
    MockMvc mvc;

    @Autowired
    KioskPairings pairings;

    @Autowired
    KioskSessions sessions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Value("${hall24.identity.face.report-key}")
    String reportKey;

    Cookie cookie;
    TestIdentity person;

    @BeforeEach
    void pair() {
        String code = pairings.issueCode(KIOSK, "screens-test").code();
        cookie = new Cookie("HALL24_KIOSK", ((KioskPairings.Paired) pairings.pair(code, "test", "10.1.1.1")).token());
        person = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void endSession() {
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), org.hall24.identity.SessionEnd.STAFF));
    }

    void insertCard() {
        publisher.publishEvent(new CardRead(KIOSK, UUID.randomUUID(), Instant.now(), new IdCard(person.name(), person.sex(),
                person.ethnicity(), person.birthDate().toString(), person.address(), person.idNumber(), person.issuer(),
                person.validFrom().toString(), person.validTo().toString(), person.photo())));
    }

    void faceAccepted() {
        publisher.publishEvent(FaceReports.signed(reportKey, sessions.current(KIOSK).orElseThrow(), 0.9, true));
    }

    String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void withoutASessionTheKioskAttractsAndLaterScreensSendTheBrowserBack() throws Exception {
        var response = mvc.perform(get("/kiosk").cookie(cookie)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentAsString()).contains("data-screen=\"attract\"", "id=\"step-identify\"", "请将身份证放在读卡区")
                .doesNotContain("id=\"identity-badge\"");
        assertThat(response.getHeader("Set-Cookie")).as("the pairing cookie is renewed").startsWith("HALL24_KIOSK=" + cookie.getValue())
                .contains("HttpOnly", "SameSite=Strict");
        assertThat(page(get("/kiosk").param("lang", "en").cookie(cookie))).contains("Please place your ID card on the card reader");
        assertThat(page(get("/kiosk").param("refused", "EXPIRED").cookie(cookie))).contains("id=\"refused\"", "身份证已过有效期");
        assertThat(page(get("/kiosk").param("ended", "INACTIVITY").cookie(cookie))).contains("id=\"ended\"", "长时间无操作");
        assertThat(page(get("/kiosk").param("refused", "<script>").cookie(cookie))).doesNotContain("id=\"refused\"");

        mvc.perform(get("/kiosk/items").cookie(cookie)).andExpect(redirectedUrl("/kiosk"));
        mvc.perform(get("/kiosk/items").cookie(cookie).header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/kiosk"));
        mvc.perform(get("/kiosk/identify").cookie(cookie)).andExpect(redirectedUrl("/kiosk"));
    }

    @Test
    void aCardLeadsToTheIdentifyScreenWithTheMaskedPersonAndItsHtmxFragment() throws Exception {
        insertCard();

        mvc.perform(get("/kiosk").cookie(cookie)).andExpect(redirectedUrl("/kiosk/identify"));
        String identify = page(get("/kiosk/identify").cookie(cookie));
        KioskSession session = sessions.current(KIOSK).orElseThrow();
        assertThat(identify).contains("id=\"face-step\"", "id=\"identity-badge\"", session.person().maskedIdNumber(),
                session.person().maskedName(), "id=\"end-session\"");
        assertThat(identify).doesNotContain(person.idNumber()).doesNotContain(person.name());

        String fragment = page(get("/kiosk/identify").cookie(cookie).header("HX-Request", "true"));
        assertThat(fragment).startsWith("<section").contains("id=\"identify-panel\"", "id=\"face-step\"")
                .doesNotContain("<html");
    }

    @Test
    void onceVerifiedTheItemsOpenAndTheEnterpriseCodeIsCheckedBesideTheField() throws Exception {
        insertCard();
        faceAccepted();

        mvc.perform(get("/kiosk/identify").cookie(cookie)).andExpect(redirectedUrl("/kiosk/items"));
        mvc.perform(get("/kiosk/identify").cookie(cookie).header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/kiosk/items"));
        assertThat(page(get("/kiosk/items").cookie(cookie))).contains("id=\"items\"", "id=\"step-items\"");

        String refused = mvc.perform(post("/kiosk/enterprise").cookie(cookie).with(csrf()).param("creditCode", "91500107MA5U3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"creditCode-error\"", "18 位");
        assertThat(sessions.current(KIOSK).orElseThrow().enterprise()).isNull();
    }

    @Test
    void endingAtTheKioskForgetsTheSessionAndTheTouchPingAnswersTheDeadline() throws Exception {
        insertCard();
        String touch = mvc.perform(post("/kiosk/session/touch").cookie(cookie).with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(touch).matches("\\{\"expiresIn\":1[01]\\d{4}}");

        mvc.perform(post("/kiosk/session/end").cookie(cookie).with(csrf())).andExpect(redirectedUrl("/kiosk/end"));

        assertThat(sessions.current(KIOSK)).isEmpty();
        assertThat(page(get("/kiosk/end").cookie(cookie))).contains("data-screen=\"end\"", "id=\"take-card\"");
        mvc.perform(post("/kiosk/session/end").cookie(cookie)).andExpect(status().isForbidden());
    }
}
