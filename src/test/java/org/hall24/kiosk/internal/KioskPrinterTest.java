package org.hall24.kiosk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hall24.Hall24IntegrationTest;
import org.hall24.kiosk.KioskPrint;
import org.hall24.kiosk.KioskPrintEnded;
import org.hall24.kiosk.KioskPrints;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The kiosk print queue's rules, on a clock moved by hand and with the periodic look at the queue
 * switched off (only requests and the test dispatch): one print per request key, copies numbered
 * without gaps or clashes, and what a stopped node leaves behind — a print never sent is sent, one
 * being sent is failed as interrupted (not sent twice), one that waited too long expires.
 */
@Hall24IntegrationTest(properties = "hall24.kiosk.print.poll=1h")
@Import({MutableClock.Configuration.class, KioskPrinterTest.Ended.class})
class KioskPrinterTest {

    /** A kiosk of the seed hall; no simulator runs in this test, so it never reported: prints to it fail OFFLINE. */
    static final String KIOSK = "JLP-YJP-GOV-01";

    @Autowired
    KioskPrinter printer;
    @Autowired
    KioskPrints prints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Ended ended;
    @Autowired
    PersonalDataCipher cipher;

    @TestConfiguration(proxyBeanMethods = false)
    static class Ended {
        final List<KioskPrintEnded> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @EventListener
        void on(KioskPrintEnded event) {
            events.add(event);
        }
    }

    static String subject() {
        return "answer:" + UUID.randomUUID();
    }

    static byte[] pdf() {
        return "%PDF-1.7\n% a test print-out\n".getBytes();
    }

    KioskPrint stored(UUID id) {
        return prints.last(jdbc.sql("select subject from kiosk_print where id = ?").param(id).query(String.class).single())
                .orElseThrow();
    }

    /**
     * A row as a node leaves it when it stops after the request committed and before the print was sent:
     * pending, with its document sealed, nobody told to print it.
     */
    UUID leftPending(String subject, Duration age) {
        return left(subject, age, "PENDING", 0, null);
    }

    /** A row as a stopped node left it, written in one statement so that no running dispatch takes it half-way. */
    UUID left(String subject, Duration age, String state, int attempts, java.time.@org.jspecify.annotations.Nullable Instant leaseUntil) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into kiosk_print (id, request_key, device_code, subject, copy, content, locale, state, command_id, requested_at,
                    attempts, lease_until)
                values (?, ?, ?, ?, 1, ?, 'zh-CN', ?, ?, ?, ?, ?)""")
                .params(id, "crash:" + id, KIOSK, subject, cipher.encrypt(java.util.Base64.getEncoder().encodeToString(pdf())),
                        state, UUID.randomUUID(), Timestamp.from(clock.instant().minus(age)), attempts,
                        leaseUntil == null ? null : Timestamp.from(leaseUntil)).update();
        return id;
    }

    int attempts(UUID id) {
        return jdbc.sql("select attempts from kiosk_print where id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void theSameRequestKeyIsTheSamePrintAndAnotherKeyIsTheNextCopy() {
        String subject = subject();
        String key = "tap:" + UUID.randomUUID();

        KioskPrint first = prints.document(key, KIOSK, subject, pdf());
        KioskPrint again = prints.document(key, KIOSK, subject, pdf());
        KioskPrint next = prints.document("tap:" + UUID.randomUUID(), KIOSK, subject, pdf());

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.copy()).isEqualTo(1);
        assertThat(next.copy()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from kiosk_print where subject = ?").param(subject).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void simultaneousRequestsTakeDistinctCopiesBeforeAnythingIsPrinted() throws Exception {
        String subject = subject();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> request = () -> {
            start.await();
            return prints.document("tap:" + UUID.randomUUID(), KIOSK, subject, pdf()).copy();
        };
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> copies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            copies.add(pool.submit(request));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<Integer> copy : copies) {
            numbers.add(copy.get());
        }
        pool.shutdown();
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aRequestIsPrintedAfterItsTransactionAndItsEndIsPublished() {
        KioskPrint print = prints.document("tap:" + UUID.randomUUID(), KIOSK, subject(), pdf());
        assertThat(print.state()).isEqualTo(KioskPrint.State.PENDING);

        await().atMost(Duration.ofSeconds(10)).until(() -> ended.events.stream().anyMatch(e -> e.printId().equals(print.id())));
        KioskPrint done = stored(print.id());
        assertThat(done.state()).isEqualTo(KioskPrint.State.FAILED);
        assertThat(done.code()).as("the kiosk never reported: the command is not sent").isEqualTo("OFFLINE");
        assertThat(attempts(print.id())).isEqualTo(1);
        assertThat(jdbc.sql("select content is null from kiosk_print where id = ?").param(print.id()).query(Boolean.class).single())
                .as("the sealed document is dropped once the print ended").isTrue();
    }

    @Test
    void aReceiptThatCannotBeMadeFailsAsNotRendered() {
        KioskPrint print = prints.receipt("tap:" + UUID.randomUUID(), KIOSK, "JLP-YJP-20261203-WJ-000000-0", Locale.SIMPLIFIED_CHINESE);

        await().atMost(Duration.ofSeconds(10)).until(() -> stored(print.id()).failed());
        assertThat(stored(print.id()).code()).isEqualTo("NOT_RENDERED");
    }

    @Test
    void aPrintLeftPendingByAStoppedNodeIsSentByTheNextDispatch() {
        UUID id = leftPending(subject(), Duration.ofSeconds(119));

        printer.dispatch();

        await().atMost(Duration.ofSeconds(10)).until(() -> stored(id).failed());
        assertThat(stored(id).code()).as("it went to the device module").isEqualTo("OFFLINE");
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    void aPrintLeftPrintingByAStoppedNodeFailsAsInterruptedAndIsNotSentAgain() {
        UUID id = left(subject(), Duration.ZERO, "PRINTING", 1, clock.instant().plusSeconds(30));
        printer.dispatch();
        assertThat(stored(id).state()).as("its lease still runs: another node may be printing it").isEqualTo(KioskPrint.State.PRINTING);

        clock.advance(Duration.ofSeconds(31));
        printer.dispatch();

        KioskPrint interrupted = stored(id);
        assertThat(interrupted.state()).isEqualTo(KioskPrint.State.FAILED);
        assertThat(interrupted.code()).isEqualTo("INTERRUPTED");
        assertThat(attempts(id)).as("not sent again").isEqualTo(1);
        assertThat(ended.events).anyMatch(e -> e.printId().equals(id) && "INTERRUPTED".equals(e.code()));
    }

    @Test
    void aPrintThatCouldNotStartInTimeExpiresInsteadOfComingOutForTheNextPerson() {
        UUID id = leftPending(subject(), Duration.ofSeconds(121));

        printer.dispatch();

        KioskPrint expired = stored(id);
        assertThat(expired.state()).isEqualTo(KioskPrint.State.FAILED);
        assertThat(expired.code()).isEqualTo("EXPIRED");
        assertThat(attempts(id)).as("never sent").isZero();
    }
}
