package org.hall24.applications;

import org.hall24.shared.Applicant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.hall24.Hall24IntegrationTest;
import org.hall24.audit.AuditEntry;
import org.hall24.audit.AuditTrail;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ServiceItem;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.OutboxQuery;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@Hall24IntegrationTest
class SubmitTest {

    static final String NAME = "欧阳测试";
    static final String ID = FormsTest.id("50010719851203456");
    static final String PHONE = "13987654321";
    static final Path DOCUMENTS = Path.of("target/test-documents");

    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    AuditTrail audit;

    Applicant applicant() {
        return new Applicant(NAME, ChineseIdNumber.of(ID), null, MobileNumber.of(PHONE));
    }

    /** A ready WJ-0001 draft: valid form, the ID card attached. */
    Draft readyPhysicianDraft(String deviceCode) {
        ServiceItem item = catalog.item("WJ-0001").orElseThrow();
        Draft draft = applications.openDraft("session-" + UUID.randomUUID(), deviceCode, item, applicant());
        Map<String, String> form = new java.util.HashMap<>(FormsTest.physician());
        form.putAll(draft.submitted());
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        return applications.addMaterial(draft.id(), MaterialsTest.ID_CARD, TestFiles.jpeg(600, 400), "card.jpg",
                MaterialSource.DOCUMENT_CAMERA);
    }

    Draft readyPhysicianDraft() {
        return readyPhysicianDraft("JLP-YJP-GOV-01");
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    int filingsWithKey(String key) {
        return jdbc.sql("select count(*) from filing where idempotency_key = ?").param(key).query(Integer.class).single();
    }

    static long documentCount() throws IOException {
        if (!Files.exists(DOCUMENTS)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            return files.count();
        }
    }

    @Test
    void aSubmittedFilingHasANumberWithCheckCharacterAndADueDateInWorkingDays() {
        Draft draft = readyPhysicianDraft();
        assertThat(draft.ready()).isTrue();

        Filing filing = applications.submit(draft.id(), key(), "JLP-YJP", "kiosk:JLP-YJP-GOV-01");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(filing.number()).matches("JLP-YJP-" + today.toString().replace("-", "") + "-WJ-\\d{6}-[0-9A-Z]");
        assertThat(FilingNumber.problemOf(filing.number())).isEmpty();
        assertThat(filing.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(filing.itemCode()).isEqualTo("WJ-0001");
        assertThat(filing.itemVersion()).isEqualTo(draft.itemVersion());
        assertThat(filing.dueDate()).isEqualTo(org.hall24.applications.internal.WorkingDaysAccess.after(today, 5));
        assertThat(filing.materials()).singleElement().satisfies(m -> {
            assertThat(m.index()).isEqualTo(MaterialsTest.ID_CARD);
            assertThat(m.contentType()).isEqualTo("image/jpeg");
            assertThat(m.sha256()).hasSize(64);
        });
        assertThat(applications.draft(draft.id())).as("the draft is consumed").isEmpty();
        assertThat(applications.history(filing.number())).singleElement().satisfies(t -> {
            assertThat(t.from()).isNull();
            assertThat(t.to()).isEqualTo(FilingStatus.SUBMITTED);
            assertThat(t.actor()).isEqualTo("kiosk:JLP-YJP-GOV-01");
        });
    }

    @Test
    void personalDataIsEncryptedAtRestAndDecryptedOnLookup() {
        Draft draft = readyPhysicianDraft();
        Filing filing = applications.submit(draft.id(), key(), "JLP-YJP", "kiosk:JLP-YJP-GOV-01");

        String everything = String.join("\n", jdbc.sql("""
                select f::text from filing f where number = ?
                union all select m::text from filing_material m join filing f on f.id = m.filing_id where f.number = ?
                union all select t::text from filing_transition t join filing f on f.id = t.filing_id where f.number = ?
                union all select e::text from event_publication e""")
                .params(filing.number(), filing.number(), filing.number()).query(String.class).list());
        assertThat(everything).contains(filing.number())
                .doesNotContain(NAME).doesNotContain(ID).doesNotContain(PHONE).doesNotContain("110500000012345");

        Filing read = applications.filing(filing.number(), "tester", "test").orElseThrow();
        assertThat(read.applicant().name()).isEqualTo(NAME);
        assertThat(read.applicant().idNumber().value()).isEqualTo(ID);
        assertThat(read.applicant().phone()).isEqualTo(MobileNumber.of(PHONE));
        assertThat(read.form().get("physicianName").asString()).as("prefilled from the applicant").isEqualTo(NAME);
        assertThat(read.form().get("certificateNumber").asString()).isEqualTo("110500000012345");

        byte[] clear = applications.materialContent(filing.number(), read.materials().get(0).id(), "tester");
        assertThat(clear).isEqualTo(draft.materials().get(0).content());
        assertThat(DOCUMENTS.resolve(read.materials().get(0).id().toString())).exists()
                .satisfies(p -> assertThat(Files.readAllBytes(p)).isNotEqualTo(clear));
    }

    @Test
    void submittingQueuesTheReceivedSmsAndFeedsTheAuditTrail() {
        Filing filing = applications.submit(readyPhysicianDraft().id(), key(), "JLP-YJP", "kiosk:JLP-YJP-GOV-01");

        assertThat(notifications.find(OutboxQuery.latest(50))).filteredOn(m -> m.text().contains(filing.number()))
                .singleElement().extracting(OutboxMessage::template).isEqualTo("filing-received");
        applications.filing(filing.number(), "staff-a", "test");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.about("filing:" + filing.number()))
                .extracting(AuditEntry::action)
                .contains("applications.filing.submitted", "applications.filing.accessed"));
    }

    @Test
    void theSameKeyTwiceGivesTheSameFiling() {
        Draft draft = readyPhysicianDraft();
        String key = key();

        Filing first = applications.submit(draft.id(), key, "JLP-YJP", "kiosk");
        Filing again = applications.submit(draft.id(), key, "JLP-YJP", "kiosk");

        assertThat(again.number()).isEqualTo(first.number());
        assertThat(filingsWithKey(key)).isEqualTo(1);
    }

    @Test
    void theSameKeyFromTwoThreadsAtOnceGivesOneFiling() throws Exception {
        Draft draft = readyPhysicianDraft();
        String key = key();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Filing>> results = List.of(
                    pool.submit(() -> {
                        start.await();
                        return applications.submit(draft.id(), key, "JLP-YJP", "kiosk");
                    }),
                    pool.submit(() -> {
                        start.await();
                        return applications.submit(draft.id(), key, "JLP-YJP", "kiosk");
                    }));
            start.countDown();
            assertThat(results.get(0).get().number()).isEqualTo(results.get(1).get().number());
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(filingsWithKey(key)).isEqualTo(1);
    }

    @Test
    void aUsedKeyWithAnotherDraftIsRefused() {
        String key = key();
        applications.submit(readyPhysicianDraft().id(), key, "JLP-YJP", "kiosk");
        Draft other = readyPhysicianDraft();

        assertThatThrownBy(() -> applications.submit(other.id(), key, "JLP-YJP", "kiosk"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(applications.draft(other.id())).isPresent();
    }

    @Test
    void aDraftThatIsNotReadyIsRefused() {
        ServiceItem item = catalog.item("WJ-0001").orElseThrow();
        Draft draft = applications.openDraft("s", "JLP-YJP-GOV-01", item, applicant());

        assertThatThrownBy(() -> applications.submit(draft.id(), key(), "JLP-YJP", "kiosk"))
                .isInstanceOf(DraftNotReadyException.class);
    }

    @Test
    void aFailedSubmissionLeavesNoRowsAndNoFiles() throws IOException {
        Draft draft = readyPhysicianDraft("X".repeat(60));
        String key = key();
        long documents = documentCount();
        int materials = jdbc.sql("select count(*) from filing_material").query(Integer.class).single();

        assertThatThrownBy(() -> applications.submit(draft.id(), key, "JLP-YJP", "kiosk"))
                .as("the device code is longer than its column").isInstanceOf(RuntimeException.class);

        assertThat(filingsWithKey(key)).isZero();
        assertThat(jdbc.sql("select count(*) from filing_material").query(Integer.class).single()).isEqualTo(materials);
        assertThat(documentCount()).as("the file written before the rows was removed").isEqualTo(documents);
        assertThat(DOCUMENTS.resolve(draft.materials().get(0).id().toString())).doesNotExist();
        assertThat(applications.draft(draft.id())).as("the draft survives for another try").isPresent();
    }

    @Test
    void staffMoveAFilingThroughItsLifecycleAndEveryStepIsRecorded() {
        Filing filing = applications.submit(readyPhysicianDraft().id(), key(), "JLP-YJP", "kiosk");
        String n = filing.number();

        applications.transition(n, FilingStatus.ACCEPTED, "clerk-li", "materials complete");
        applications.transition(n, FilingStatus.IN_REVIEW, "reviewer-wang", "");
        applications.transition(n, FilingStatus.CORRECTION_REQUESTED, "reviewer-wang", "certificate photo unreadable");
        Filing corrected = applications.transition(n, FilingStatus.SUBMITTED, "kiosk", "photo retaken");
        assertThat(corrected.status()).isEqualTo(FilingStatus.SUBMITTED);

        assertThatThrownBy(() -> applications.transition(n, FilingStatus.APPROVED, "reviewer-wang", "skip"))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("SUBMITTED").hasMessageContaining("APPROVED");
        assertThatThrownBy(() -> applications.transition("JLP-YJP-20261128-WJ-999999-0", FilingStatus.ACCEPTED, "x", ""))
                .isInstanceOf(FilingNotFoundException.class);
        applications.transition(n, FilingStatus.WITHDRAWN, "kiosk", "applicant withdrew");

        assertThat(applications.history(n)).extracting(FilingTransition::from, FilingTransition::to, FilingTransition::actor,
                FilingTransition::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, FilingStatus.SUBMITTED, "kiosk", ""),
                        org.assertj.core.groups.Tuple.tuple(FilingStatus.SUBMITTED, FilingStatus.ACCEPTED, "clerk-li", "materials complete"),
                        org.assertj.core.groups.Tuple.tuple(FilingStatus.ACCEPTED, FilingStatus.IN_REVIEW, "reviewer-wang", ""),
                        org.assertj.core.groups.Tuple.tuple(FilingStatus.IN_REVIEW, FilingStatus.CORRECTION_REQUESTED, "reviewer-wang",
                                "certificate photo unreadable"),
                        org.assertj.core.groups.Tuple.tuple(FilingStatus.CORRECTION_REQUESTED, FilingStatus.SUBMITTED, "kiosk", "photo retaken"),
                        org.assertj.core.groups.Tuple.tuple(FilingStatus.SUBMITTED, FilingStatus.WITHDRAWN, "kiosk", "applicant withdrew"));
        assertThatThrownBy(() -> applications.transition(n, FilingStatus.ACCEPTED, "clerk-li", ""))
                .isInstanceOf(IllegalTransitionException.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.about("filing:" + n))
                .filteredOn(e -> e.action().equals("applications.filing.status-changed")).hasSize(5));
    }

    @Test
    void anInstantItemIsApprovedAtOnceBySystemAndDueToday() {
        ServiceItem item = catalog.item("SW-0012").orElseThrow();
        Draft draft = applications.openDraft("s-" + UUID.randomUUID(), "JLP-YJP-TAX-01", item, applicant());
        applications.saveForm(draft.id(), Map.of("companyName", "重庆某某商贸有限公司", "creditCode", FormsTest.CREDIT,
                "eventType", "LOST", "eventDate", "2026-11-20", "invoices[0].invoiceCode", "150001234567",
                "invoices[0].startNumber", "00000001", "invoices[0].endNumber", "00000010"), Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 0, TestFiles.jpeg(300, 200), null, MaterialSource.DOCUMENT_CAMERA);
        applications.addMaterial(draft.id(), 1, TestFiles.jpeg(300, 200), null, MaterialSource.CAMERA);

        Filing filing = applications.submit(draft.id(), key(), "JLP-YJP", "kiosk:JLP-YJP-TAX-01");

        assertThat(filing.status()).isEqualTo(FilingStatus.APPROVED);
        assertThat(filing.dueDate()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertThat(applications.history(filing.number())).extracting(FilingTransition::to, FilingTransition::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FilingStatus.SUBMITTED, "kiosk:JLP-YJP-TAX-01"),
                        org.assertj.core.groups.Tuple.tuple(FilingStatus.APPROVED, "system"));
        assertThat(applications.filing(filing.number(), "t", "t").orElseThrow().form().get("invoices").get(0)
                .get("invoiceCode").asString()).isEqualTo("150001234567");
    }

    @Test
    void anInvalidFormKeepsItsTextInTheDraft() {
        ServiceItem item = catalog.item("WJ-0001").orElseThrow();
        Draft draft = applications.openDraft("s", "JLP-YJP-GOV-01", item, applicant());
        Map<String, String> form = new java.util.HashMap<>(FormsTest.physician());
        form.put("phone", "123");
        form.put("notAField", "x");

        assertThatThrownBy(() -> applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(InvalidFormException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("phone", "请填写 11 位手机号码")));
        Draft kept = applications.draft(draft.id()).orElseThrow();
        assertThat(kept.submitted()).containsEntry("phone", "123").doesNotContainKey("notAField");
        assertThat(kept.formErrors()).hasSize(1);
        assertThat(kept.ready()).isFalse();
    }
}
