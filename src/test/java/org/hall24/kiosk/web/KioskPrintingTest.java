package org.hall24.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hall24.Hall24IntegrationTest;
import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.FormsTestAccess;
import org.hall24.applications.MaterialSource;
import org.hall24.catalog.Catalog;
import org.hall24.device.CardRead;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.kiosk.KioskPairings;
import org.hall24.simulator.PrintedDocument;
import org.hall24.simulator.SimulatedDevice;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.hall24.simulator.internal.SimulatorRunner;
import org.hall24.testing.FaceReports;
import org.hall24.testing.LivingHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * Receipts printed after the response, on a simulated kiosk over the real broker: the submit answers
 * while the printer is still at work and the receipt screen says so (正在打印) until the print ends;
 * the screen's print status then reads 回执已打印 (its htmx fragment too); two taps of one reprint
 * button print one more copy.
 */
@Hall24IntegrationTest
class KioskPrintingTest {

    static final String KIOSK = "JLP-YJP-GOV-02";

    @DynamicPropertySource
    static void livingHall(DynamicPropertyRegistry registry) {
        LivingHall.register(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    KioskPairings pairings;
    @Autowired
    KioskSessions sessions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SimulatorRunner simulator;
    @Autowired
    DeviceStatuses statuses;
    @Value("${hall24.identity.face.report-key}")
    String reportKey;

    Cookie cookie;
    SimulatedDevice kiosk;
    KioskSession session;

    @BeforeEach
    void identify() {
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.simulator().isPresent()
                && statuses.statusOf(KIOSK) == DeviceStatus.ONLINE);
        kiosk = simulator.simulator().orElseThrow().device(KIOSK);
        String code = pairings.issueCode(KIOSK, "printing-test").code();
        cookie = new Cookie("HALL24_KIOSK", ((KioskPairings.Paired) pairings.pair(code, "test", "10.1.1.3")).token());
        TestIdentity person = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(KIOSK, UUID.randomUUID(), Instant.now(), new IdCard(person.name(), person.sex(),
                person.ethnicity(), person.birthDate().toString(), person.address(), person.idNumber(), person.issuer(),
                person.validFrom().toString(), person.validTo().toString(), person.photo())));
        publisher.publishEvent(FaceReports.signed(reportKey, sessions.current(KIOSK).orElseThrow(), 0.93, true));
        session = sessions.current(KIOSK).filter(KioskSession::verified).orElseThrow();
    }

    @AfterEach
    void end() {
        kiosk.slowReplies(Duration.ZERO);
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.STAFF));
    }

    /** A ready draft of the physician item in this kiosk's session, submitted from the review screen. */
    String submit() throws Exception {
        Draft draft = applications.openDraft(session.id().toString(), KIOSK, catalog.item("WJ-0001").orElseThrow(),
                KioskJourneyController.applicant(session));
        Map<String, String> form = new HashMap<>(FormsTestAccess.physician());
        form.putAll(draft.submitted());
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 0, FormsTestAccess.jpeg(), "certificate.jpg", MaterialSource.DOCUMENT_CAMERA);
        String receipt = mvc.perform(post("/kiosk/drafts/{id}/submit", draft.id()).cookie(cookie).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(receipt).startsWith("/kiosk/filings/");
        return receipt;
    }

    String page(String url, boolean htmx) throws Exception {
        var request = get(url).cookie(cookie);
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    List<PrintedDocument> printed(String documentId) {
        return kiosk.printed().stream().filter(p -> p.documentId().equals(documentId)).toList();
    }

    @Test
    void theSubmitAnswersWhileTheReceiptPrintsAndTheScreenSaysPrintingUntilItIsPrinted() throws Exception {
        kiosk.slowReplies(Duration.ofSeconds(3));

        String receipt = submit();
        String number = receipt.substring("/kiosk/filings/".length());

        String screen = page(receipt, false);
        assertThat(screen).as("the printer has not answered yet").contains("id=\"printing\"", "正在打印回执", "data-refresh-on-open")
                .doesNotContain("id=\"printed\"").doesNotContain("id=\"reprint\"");

        await().atMost(Duration.ofSeconds(20)).until(() -> page(receipt, true).contains("id=\"printed\""));
        String fragment = page(receipt, true);
        assertThat(fragment).as("an htmx answer is the print status only").contains("id=\"print-status\"", "id=\"reprint\"")
                .doesNotContain("<html").doesNotContain("data-refresh-on-open");
        assertThat(page(receipt, false)).contains("id=\"printed\"", "回执已打印");
        assertThat(printed("receipt-" + number + "-1")).hasSize(1);
    }

    @Test
    void twoTapsOfTheReprintButtonPrintOneMoreCopy() throws Exception {
        String receipt = submit();
        String number = receipt.substring("/kiosk/filings/".length());
        await().atMost(Duration.ofSeconds(20)).until(() -> page(receipt, true).contains("id=\"printed\""));
        String key = KioskJourneyTest.printKey(page(receipt, false));

        CountDownLatch start = new CountDownLatch(1);
        Callable<String> tap = () -> {
            start.await();
            return mvc.perform(post(receipt + "/reprint").param("key", key).cookie(cookie).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<String>> taps = List.of(two.submit(tap), two.submit(tap));
        start.countDown();
        assertThat(taps.get(0).get()).isEqualTo(receipt);
        assertThat(taps.get(1).get()).isEqualTo(receipt);
        two.shutdown();

        assertThat(jdbc.sql("select copy from kiosk_print where subject = ? order by copy").param("receipt:" + number)
                .query(Integer.class).list()).as("the first print and one reprint").containsExactly(1, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> printed("receipt-" + number + "-2").size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> page(receipt, true).contains("id=\"printed\""));
        assertThat(printed("receipt-" + number + "-1")).hasSize(1);
        assertThat(printed("receipt-" + number + "-3")).isEmpty();
    }
}
