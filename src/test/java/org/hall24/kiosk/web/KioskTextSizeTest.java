package org.hall24.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * The kiosk's 大字 / "Larger text" switch: on every screen, it raises the type scale (class
 * {@code kiosk-large-text} on {@code <html>}) and is remembered for the current kiosk session only;
 * when that session ends, however it ends, the next screen is at the normal size again.
 */
@Hall24IntegrationTest
class KioskTextSizeTest {

    static final String KIOSK = "JLP-YJP-RE-01";
    static final String LARGE_HTML = "class=\"kiosk-large-text\"";

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

    Cookie paired;
    /** The kiosk browser's text-size cookie, as the browser would keep it. */
    Cookie text;

    @BeforeEach
    void pair() {
        String code = pairings.issueCode(KIOSK, "text-size-test").code();
        paired = new Cookie("HALL24_KIOSK", ((KioskPairings.Paired) pairings.pair(code, "test", "10.1.1.8")).token());
        text = null;
    }

    @AfterEach
    void endSession() {
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.STAFF));
    }

    KioskSession startVerifiedSession() {
        TestIdentity person = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(KIOSK, UUID.randomUUID(), java.time.Instant.now(), new IdCard(person.name(),
                person.sex(), person.ethnicity(), person.birthDate().toString(), person.address(), person.idNumber(),
                person.issuer(), person.validFrom().toString(), person.validTo().toString(), person.photo())));
        publisher.publishEvent(FaceReports.signed(reportKey, sessions.current(KIOSK).orElseThrow(), 0.92, true));
        return sessions.current(KIOSK).orElseThrow();
    }

    /** Performs the request as the kiosk's browser: with its cookies, keeping the text-size cookie it is sent. */
    MockHttpServletResponse browse(MockHttpServletRequestBuilder request) throws Exception {
        request.cookie(paired);
        if (text != null) {
            request.cookie(text);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Optional<String> set = response.getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith(KioskTextSize.COOKIE + "=")).reduce((a, b) -> b);
        set.ifPresent(h -> {
            String value = h.substring(h.indexOf('=') + 1, h.indexOf(';'));
            text = value.isEmpty() || h.contains("Max-Age=0") ? null : new Cookie(KioskTextSize.COOKIE, value);
        });
        return response;
    }

    String screen(String path) throws Exception {
        MockHttpServletResponse response = browse(get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    MockHttpServletResponse press(boolean large) throws Exception {
        return browse(post("/kiosk/text-size").param("large", String.valueOf(large)).header("Accept", "application/json")
                .with(csrf()));
    }

    @Test
    void theSwitchIsOnEveryScreenAndEnlargesTheTypeUntilTheSessionEnds() throws Exception {
        String normal = screen("/kiosk");
        assertThat(normal).contains("id=\"text-size\"", "aria-pressed=\"false\"", ">大字<", "user-scalable=no")
                .doesNotContain(LARGE_HTML);
        assertThat(screen("/kiosk?lang=en")).contains(">Larger text<");

        KioskSession session = startVerifiedSession();
        assertThat(screen("/kiosk/items")).contains("id=\"text-size\"").doesNotContain(LARGE_HTML);
        assertThat(press(true).getStatus()).isEqualTo(204);
        assertThat(text).isNotNull();
        assertThat(text.getValue()).as("bound to this session").isEqualTo("large." + session.id());
        assertThat(screen("/kiosk/items")).contains(LARGE_HTML, "aria-pressed=\"true\"");
        assertThat(screen("/kiosk/items?lang=en")).as("remembered from screen to screen").contains(LARGE_HTML);

        sessions.end(session.id(), SessionEnd.INACTIVITY);
        assertThat(screen("/kiosk?ended=INACTIVITY")).as("the session ended: normal size again").doesNotContain(LARGE_HTML);
        assertThat(text).as("and the choice forgotten").isNull();
    }

    @Test
    void aChoiceFromTheStartScreenHoldsForTheSessionThatFollowsAndNotForTheNextOne() throws Exception {
        screen("/kiosk");
        press(true);
        assertThat(text.getValue()).isEqualTo("large");
        assertThat(screen("/kiosk")).contains(LARGE_HTML);

        KioskSession first = startVerifiedSession();
        assertThat(screen("/kiosk/items")).contains(LARGE_HTML);
        assertThat(text.getValue()).isEqualTo("large." + first.id());
        sessions.end(first.id(), SessionEnd.CITIZEN_FINISHED);

        // The browser missed the end (no screen was shown in between): the next citizen still starts at the normal size.
        startVerifiedSession();
        assertThat(screen("/kiosk/items")).doesNotContain(LARGE_HTML);
        assertThat(text).isNull();
    }

    @Test
    void pressingAgainReturnsToTheNormalSize() throws Exception {
        startVerifiedSession();
        press(true);
        assertThat(screen("/kiosk/items")).contains(LARGE_HTML);
        press(false);
        assertThat(screen("/kiosk/items")).doesNotContain(LARGE_HTML).contains("aria-pressed=\"false\"");
    }

    @Test
    void withoutScriptTheFormPostsAndTheSameScreenComesBack() throws Exception {
        MockHttpServletResponse response = browse(post("/kiosk/text-size").param("large", "true").param("back", "/kiosk")
                .with(csrf()));
        assertThat(response.getRedirectedUrl()).isEqualTo("/kiosk");
        assertThat(browse(post("/kiosk/text-size").param("large", "true").param("back", "https://elsewhere.example/")
                .with(csrf())).getRedirectedUrl()).isEqualTo("/kiosk");
    }
}
