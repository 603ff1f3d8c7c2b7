package org.hall24.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;

import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.kiosk.KioskPairings;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * A citizen at a kiosk over the real web layer (MockMvc): the kiosk's browser paired, a generated
 * person's card read and face accepted, an instant item asked. {@link #end()} ends the session.
 */
public final class KioskVisit {

    private final MockMvc mvc;
    private final KioskSessions sessions;
    private final String kiosk;
    private final Cookie cookie;
    private TestIdentity person;

    /** Pairs a browser with {@code kiosk}; no one is identified yet. */
    public KioskVisit(MockMvc mvc, KioskPairings pairings, KioskSessions sessions, String kiosk) {
        this.mvc = mvc;
        this.sessions = sessions;
        this.kiosk = kiosk;
        String code = pairings.issueCode(kiosk, "kiosk-visit").code();
        this.cookie = new Cookie("HALL24_KIOSK", ((KioskPairings.Paired) pairings.pair(code, "test", "10.1.1.9")).token());
    }

    /** A generated person's card is read and the face module's report (signed with {@code faceReportKey}) accepted. */
    public KioskVisit identify(ApplicationEventPublisher publisher, String faceReportKey) {
        person = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(kiosk, UUID.randomUUID(), Instant.now(), new IdCard(person.name(), person.sex(),
                person.ethnicity(), person.birthDate().toString(), person.address(), person.idNumber(), person.issuer(),
                person.validFrom().toString(), person.validTo().toString(), person.photo())));
        publisher.publishEvent(FaceReports.signed(faceReportKey, sessions.current(kiosk).orElseThrow(), 0.93, true));
        assertThat(sessions.current(kiosk)).hasValueSatisfying(s -> assertThat(s.verified()).isTrue());
        return this;
    }

    /** Who was identified last. */
    public TestIdentity person() {
        return person;
    }

    /** A screen of this kiosk (the page, status 200). */
    public String screen(String path) throws Exception {
        return mvc.perform(get(path).cookie(cookie)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Asks an instant item that has no form (e.g. GJJ-0005) and returns the answer screen. */
    public String askInstantItem(String itemCode) throws Exception {
        String review = mvc.perform(post("/kiosk/items/" + itemCode + "/start").cookie(cookie).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(review).as("an item without a form goes straight to review").endsWith("/review");
        String draft = review.substring(0, review.lastIndexOf('/'));
        String answer = mvc.perform(post(draft + "/answer").cookie(cookie).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(answer).matches("/kiosk/answers/[0-9a-f-]{36}");
        return screen(answer);
    }

    /** A request from this kiosk's browser that redirects; the redirect's target. */
    public String redirect(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(cookie)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    /** A request from this kiosk's browser that answers a page (status 200). */
    public String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(cookie)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** What this kiosk's browser downloads from {@code path} (status 200). */
    public byte[] bytes(String path) throws Exception {
        return mvc.perform(get(path).cookie(cookie)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    public void end() {
        sessions.current(kiosk).ifPresent(s -> sessions.end(s.id(), SessionEnd.STAFF));
    }
}
