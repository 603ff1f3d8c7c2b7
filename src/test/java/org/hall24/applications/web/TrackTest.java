package org.hall24.applications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.Hall24IntegrationTest;
import org.hall24.shared.Applicant;
import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.Filing;
import org.hall24.applications.FilingNumber;
import org.hall24.applications.FilingStatus;
import org.hall24.applications.MaterialSource;
import org.hall24.audit.AuditEntry;
import org.hall24.audit.AuditTrail;
import org.hall24.catalog.Catalog;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxQuery;
import org.hall24.testing.Phones;
import org.hall24.platform.RateLimit;
import org.hall24.platform.RateLimiter;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@Hall24IntegrationTest
class TrackTest {

    static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    @Autowired
    MockMvc mvc;
    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;
    @Autowired
    Notifications notifications;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    /** A filing of WJ-0001 by 欧阳某, with a phone unique to this test run (codes are rate-limited per phone). */
    Filing file(String phone) {
        String first17 = "50010719851203456";
        Applicant applicant = new Applicant("欧阳某", ChineseIdNumber.of(first17 + ChineseIdNumber.checkCharacter(first17)), null,
                phone == null ? null : MobileNumber.of(phone));
        Draft draft = applications.openDraft("s-" + UUID.randomUUID(), "JLP-YJP-GOV-01", catalog.item("WJ-0001").orElseThrow(),
                applicant);
        Map<String, String> form = new HashMap<>(org.hall24.applications.FormsTestAccess.physician());
        form.putAll(draft.submitted());
        if (phone == null) {
            form.put("phone", "13800000000");
        }
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 3, org.hall24.applications.FormsTestAccess.jpeg(), null, MaterialSource.CAMERA);
        return applications.submit(draft.id(), "k-" + UUID.randomUUID(), "JLP-YJP", "kiosk");
    }

    static String uniquePhone() {
        return "136" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    static String ip() {
        return "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    /** The code texted for the number; the SMS is queued after the request commits, so it is awaited. */
    String codeSentFor(String number) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> codeIn(number), Optional::isPresent).orElseThrow();
    }

    Optional<String> codeIn(String number) {
        return Phones.anyCodeWith(number);
    }

    /** Waits until the background step after a code request has run (its event publication completed). */
    void awaitCodeStepDone(MockHttpSession session) {
        UUID challenge = ((TrackController.PendingCode) session.getAttribute("hall24.track.challenge")).challengeId();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                where event_type like '%ProgressCodeRequested' and serialized_event like ? and completion_date is not null""")
                .param("%" + challenge + "%").query(Integer.class).single() == 1);
    }

    @Test
    void theReceiptsQrLinkPrefillsTheNumber() throws Exception {
        String number = FilingNumber.of("JLP-YJP", LocalDate.of(2026, 11, 28), "WJ", 1);

        String html = mvc.perform(get("/track").param("number", number.toLowerCase()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("value=\"" + number + "\"").contains("办件进度查询");
    }

    @Test
    void aNumberWithAWrongCheckCharacterGetsAnErrorBesideTheField() throws Exception {
        String number = FilingNumber.of("JLP-YJP", LocalDate.of(2026, 11, 28), "WJ", 1);
        char check = number.charAt(number.length() - 1);
        String typo = number.substring(0, number.length() - 1) + (check == '0' ? '1' : '0');

        String html = mvc.perform(post("/track").param("number", typo).with(csrf()).with(from(ip())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"number-error\"").contains("申办编号有误（校验位不符），请检查是否输错")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void theCodeSentToThePhoneOnFileOpensTheTimeline() throws Exception {
        String phone = uniquePhone();
        Filing filing = file(phone);
        applications.transition(filing.number(), FilingStatus.ACCEPTED, "clerk", "");
        MockHttpSession session = new MockHttpSession();
        String ip = ip();

        String sent = mvc.perform(post("/track").param("number", filing.number()).session(session).with(csrf()).with(from(ip)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sent).as("no phone, not even masked, before the code").doesNotContain(MobileNumber.of(phone).masked())
                .doesNotContain(phone).contains("id=\"code-form\"").contains("如该申办编号存在且申请时登记了手机，验证码已发送至该手机");

        String wrong = mvc.perform(post("/track/verify").param("number", filing.number()).param("code", "000000x")
                        .session(session).with(csrf()).with(from(ip)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("id=\"code-error\"").contains("验证码不正确，请重新输入");

        String code = codeSentFor(filing.number());
        mvc.perform(post("/track/verify").param("number", filing.number()).param("code", code).session(session).with(csrf())
                        .with(from(ip)))
                .andExpect(redirectedUrl("/track/status?number=" + filing.number()));

        String timeline = mvc.perform(get("/track/status").param("number", filing.number()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(timeline).contains("变更医师执业注册").contains("欧**").doesNotContain("欧阳某")
                .contains("已提交").contains("已受理").doesNotContain(filing.applicant().idNumber().value());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(audit.about("filing:" + filing.number())).filteredOn(e -> e.actor().equals("track"))
                        .extracting(AuditEntry::detail).contains("purpose: track-timeline"));

        String english = mvc.perform(get("/track/status").param("number", filing.number()).param("lang", "en").session(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Accepted").contains("Change of physician practice registration");
    }

    @Test
    void theTimelineNeedsTheCode() throws Exception {
        Filing filing = file(uniquePhone());

        mvc.perform(get("/track/status").param("number", filing.number()))
                .andExpect(redirectedUrl("/track?number=" + filing.number()));
    }

    @Test
    void everyWellFormedNumberGetsTheSameAnswerAndOnlyAFilingWithAPhoneGetsAnSms() throws Exception {
        Filing withPhone = file(uniquePhone());
        Filing noPhone = file(null);
        String unknown = FilingNumber.of("JLP-YJP", LocalDate.of(2020, 1, 1), "WJ", 999_999);
        Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
        Map<String, MvcResult> sent = new LinkedHashMap<>();
        Map<String, MvcResult> wrong = new LinkedHashMap<>();
        for (String number : List.of(withPhone.number(), noPhone.number(), unknown)) {
            MockHttpSession session = new MockHttpSession();
            String ip = ip();
            sessions.put(number, session);
            sent.put(number, mvc.perform(post("/track").param("number", number).session(session).with(csrf()).with(from(ip)))
                    .andReturn());
            wrong.put(number, mvc.perform(post("/track/verify").param("number", number).param("code", "000000")
                    .session(session).with(csrf()).with(from(ip))).andReturn());
        }

        for (Map<String, MvcResult> answers : List.of(sent, wrong)) {
            MvcResult reference = answers.get(withPhone.number());
            assertThat(reference.getResponse().getStatus()).isEqualTo(200);
            answers.forEach((number, answer) -> {
                assertThat(answer.getResponse().getStatus()).isEqualTo(reference.getResponse().getStatus());
                assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo(reference.getResponse().getRedirectedUrl());
                assertThat(answer.getModelAndView().getViewName()).isEqualTo(reference.getModelAndView().getViewName());
                assertThat(strip(body(answer), number)).as(number).isEqualTo(strip(body(reference), withPhone.number()));
            });
        }
        assertThat(body(sent.get(unknown))).contains("id=\"code-form\"").contains("如该申办编号存在且申请时登记了手机")
                .doesNotContain(withPhone.applicant().phone().masked());
        assertThat(body(wrong.get(unknown))).contains("验证码不正确，请重新输入");
        assertThat(jdbc.sql("select count(*) from verification_code where purpose = ?").param("track:" + unknown)
                .query(Integer.class).single()).as("a challenge is opened for an unknown number too").isEqualTo(1);

        assertThat(codeSentFor(withPhone.number())).hasSize(6);
        awaitCodeStepDone(sessions.get(noPhone.number()));
        awaitCodeStepDone(sessions.get(unknown));
        assertThat(notifications.find(OutboxQuery.latest(200))).extracting(m -> m.text())
                .noneMatch(text -> text.contains(noPhone.number()) || text.contains(unknown));
    }

    static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page without what differs by request: the number itself, and attribute values (the CSRF token). */
    static String strip(String html, String number) {
        return html.replace(number, "N").replaceAll("(value|nonce)=\"[^\"]*\"", "$1=\"\"");
    }

    @Test
    void theLookupLimitIsSharedThroughTheDatabase() throws Exception {
        String ip = ip();
        RateLimiter otherNode = new RateLimiter(jdbc, Clock.systemUTC());
        RateLimit lookups = RateLimit.sliding(TrackController.LOOKUPS, 10, Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            assertThat(otherNode.hit(lookups, "ip:" + ip).allowed()).isTrue();
        }

        mvc.perform(post("/track").param("number", FilingNumber.of("JLP-YJP", LocalDate.of(2020, 1, 3), "WJ", 1))
                        .with(csrf()).with(from(ip)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void tooManyLookupsFromOneAddressGet429() throws Exception {
        String ip = ip();
        for (int i = 1; i <= 10; i++) {
            String number = FilingNumber.of("JLP-YJP", LocalDate.of(2020, 1, 2), "WJ", i);
            mvc.perform(post("/track").param("number", number).with(csrf()).with(from(ip))).andExpect(status().isOk());
        }

        String html = mvc.perform(post("/track").param("number", FilingNumber.of("JLP-YJP", LocalDate.of(2020, 1, 2), "WJ", 11))
                        .with(csrf()).with(from(ip)))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();

        assertThat(html).containsPattern("查询次数太多，请 \\d+ 分钟后再试。");
        assertThat(jdbc.sql("select count(*) from platform_rate_limit where key = ?").param(TrackController.LOOKUPS + "|ip:" + ip)
                .query(Integer.class).single()).as("counted in PostgreSQL").isPositive();
    }

    @Test
    void staffSeeFilingsMaskedAndMoveThemThroughTheStateMachine() throws Exception {
        Filing filing = file(uniquePhone());
        var admin = user("admin").roles("ADMIN");

        String list = mvc.perform(get("/admin/filings").with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains(filing.number()).contains("欧**").doesNotContain("欧阳某");

        String detail = mvc.perform(get("/admin/filings/" + filing.number()).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("已提交").contains(filing.applicant().idNumber().masked()).contains("id=\"transition\"")
                .as("the form's ID number, phone and person's name are masked too")
                .doesNotContain(filing.applicant().idNumber().value()).doesNotContain(filing.applicant().phone().value())
                .doesNotContain("欧阳某");

        mvc.perform(post("/admin/filings/" + filing.number() + "/transition").param("to", "ACCEPTED").param("reason", "ok")
                        .with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/filings/" + filing.number()));
        assertThat(applications.summary(filing.number()).orElseThrow().status()).isEqualTo(FilingStatus.ACCEPTED);
        mvc.perform(post("/admin/filings/" + filing.number() + "/transition").param("to", "APPROVED").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/filings/" + filing.number()));
        assertThat(applications.summary(filing.number()).orElseThrow().status()).isEqualTo(FilingStatus.ACCEPTED);
        mvc.perform(post("/admin/filings/" + filing.number() + "/transition").param("to", "ACCEPTED").with(admin))
                .andExpect(status().isForbidden());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(audit.about("filing:" + filing.number())).filteredOn(e -> e.actor().equals("admin"))
                        .extracting(AuditEntry::action).contains("applications.filing.accessed", "applications.filing.status-changed"));
    }
}
