package org.hall24.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.Hall24IntegrationTest;
import org.hall24.audit.AuditEntry;
import org.hall24.audit.AuditTrail;
import org.hall24.device.CardRead;
import org.hall24.device.FaceChecked;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSession.Stage;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.VerificationCodes;
import org.hall24.shared.MobileNumber;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.hall24.testing.FaceReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A kiosk session from the card read to verification: what starts one, how face reports are judged
 * and counted, the staff-assisted fallback, the phone code, and what reaches the audit trail (masked
 * only). Device events are published as the gateway publishes them.
 */
@Hall24IntegrationTest
@Import(KioskSessionsTest.Recorder.class)
class KioskSessionsTest {

    @Autowired
    KioskSessions sessions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    Recorder recorder;

    @Value("${hall24.identity.face.report-key}")
    String reportKey;

    String device;
    TestIdentity person;

    @TestConfiguration
    static class Recorder {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(KioskSessionEnded event) {
            events.add(event);
        }

        @EventListener
        void on(CardRefused event) {
            events.add(event);
        }

        @EventListener
        void on(KioskSessionVerified event) {
            events.add(event);
        }
    }

    @BeforeEach
    void newKiosk() {
        device = "TEST-KIOSK-" + UUID.randomUUID().toString().substring(0, 8);
        person = identity(new Random().nextLong());
    }

    static TestIdentity identity(long seed) {
        return TestIdentities.generate(new Random(seed), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    void insert(TestIdentity who) {
        publisher.publishEvent(new CardRead(device, UUID.randomUUID(), Instant.now(), card(who, who.idNumber(), who.validTo().toString())));
    }

    static IdCard card(TestIdentity who, String idNumber, String validTo) {
        return new IdCard(who.name(), who.sex(), who.ethnicity(), who.birthDate().toString(), who.address(), idNumber,
                who.issuer(), who.validFrom().toString(), validTo, who.photo());
    }

    /** The kiosk's face module reports on the current session, signed for it. */
    void face(double score, boolean liveness) {
        publisher.publishEvent(FaceReports.signed(reportKey, session(), score, liveness));
    }

    /** A report for the current session, signed with a key no trusted module holds. */
    void forgedFace(double score, boolean liveness) {
        publisher.publishEvent(FaceReports.signed("not-the-key", session(), score, liveness));
    }

    /** A genuine report for the current session that was captured on its way and not delivered. */
    FaceChecked captureFace(double score) {
        return FaceReports.signed(reportKey, session(), score, true);
    }

    List<AuditEntry> faceAudit(UUID session, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> trail.about("kiosk-session:" + session).stream()
                .filter(e -> e.action().startsWith("identity.face.")).count() == expected);
        return trail.about("kiosk-session:" + session).stream().filter(e -> e.action().startsWith("identity.face.")).toList();
    }

    KioskSession session() {
        return sessions.current(device).orElseThrow();
    }

    @Test
    void aCardReadStartsASessionAwaitingTheFace() {
        insert(person);

        KioskSession session = session();
        assertThat(session.stage()).isEqualTo(Stage.AWAITING_FACE);
        assertThat(session.person().idNumber().value()).isEqualTo(person.idNumber());
        assertThat(session.person().name()).isEqualTo(person.name());
        assertThat(session.person().toString()).doesNotContain(person.idNumber()).doesNotContain(person.name());
        assertThat(session.faceAttempts()).isZero();
        assertThat(session.maxFaceAttempts()).isEqualTo(3);
        assertThat(session.expiresAt()).isAfter(Instant.now().plus(Duration.ofSeconds(100)));
        assertThat(sessions.find(session.id())).isPresent();
    }

    @Test
    void anIdNumberWithABadCheckDigitStartsNoSession() {
        String good = person.idNumber();
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        publisher.publishEvent(new CardRead(device, UUID.randomUUID(), Instant.now(),
                card(person, good.substring(0, 17) + wrong, person.validTo().toString())));

        assertThat(sessions.current(device)).isEmpty();
        assertThat(recorder.events).anySatisfy(e -> assertThat(e).isEqualTo(
                new CardRefused(device, good.substring(0, 4) + "**********" + good.substring(14, 17) + wrong,
                        CardRefused.Reason.BAD_CHECK_DIGIT)));
    }

    @Test
    void anExpiredCardStartsNoSession() {
        publisher.publishEvent(new CardRead(device, UUID.randomUUID(), Instant.now(),
                card(person, person.idNumber(), LocalDate.now().minusDays(2).toString())));

        assertThat(sessions.current(device)).isEmpty();
        assertThat(recorder.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CardRefused.class, r -> {
            assertThat(r.deviceCode()).isEqualTo(device);
            assertThat(r.reason()).isEqualTo(CardRefused.Reason.EXPIRED);
        }));
    }

    @Test
    void aSignedLiveReportAboveTheThresholdVerifiesAndDropsThePhoto() {
        insert(person);
        UUID id = session().id();

        face(0.93, true);

        assertThat(session().stage()).isEqualTo(Stage.VERIFIED);
        assertThat(session().verified()).isTrue();
        assertThat(recorder.events).contains(new KioskSessionVerified(id, device, "face"));
        assertThat(sessions.cardPhotoForStaff(id, "staff")).isEmpty();
    }

    @Test
    void reportsBelowTheThresholdWithoutLivenessOrWithABadSignatureAreRefusedAndTheFallbackFollowsTheThird() {
        insert(person);
        UUID id = session().id();

        face(0.79, true);
        assertThat(session().stage()).isEqualTo(Stage.AWAITING_FACE);
        assertThat(session().faceAttempts()).isEqualTo(1);
        assertThat(sessions.lastFaceRefusal(id)).contains(FaceVerdict.Outcome.BELOW_THRESHOLD);

        face(0.99, false);
        assertThat(session().faceAttempts()).isEqualTo(2);
        assertThat(sessions.lastFaceRefusal(id)).contains(FaceVerdict.Outcome.NO_LIVENESS);

        forgedFace(0.99, true);
        assertThat(session().faceAttempts()).isEqualTo(3);
        assertThat(sessions.lastFaceRefusal(id)).contains(FaceVerdict.Outcome.BAD_SIGNATURE);
        assertThat(session().stage()).isEqualTo(Stage.FALLBACK_OFFERED);

        face(0.99, true);
        assertThat(session().stage()).as("a report after the limit is ignored").isEqualTo(Stage.FALLBACK_OFFERED);
        assertThat(session().faceAttempts()).isEqualTo(3);

        List<AuditEntry> attempts = faceAudit(id, 3);
        assertThat(attempts).extracting(AuditEntry::action).containsOnly("identity.face.refused");
        assertThat(attempts).as("audit listeners run asynchronously; each entry names its attempt")
                .extracting(AuditEntry::detail).satisfiesExactlyInAnyOrder(
                d -> assertThat(d).contains("BELOW_THRESHOLD", "score 0.79", "attempt 1", device),
                d -> assertThat(d).contains("NO_LIVENESS", "attempt 2"),
                d -> assertThat(d).contains("BAD_SIGNATURE", "attempt 3"));
        String masked = person.idNumber().substring(0, 4) + "**********" + person.idNumber().substring(14);
        assertThat(attempts).allSatisfy(e -> assertThat(e.detail()).contains(masked));
        assertClearIdNumberStoredNowhere(person.idNumber(), person.name());
    }

    @Test
    void theSessionCarriesAFreshNonceAndTheHashOfItsCard() {
        insert(person);
        SessionChallenge first = session().challenge();
        sessions.end(session().id(), SessionEnd.CITIZEN_FINISHED);
        insert(person);

        assertThat(first.nonce()).matches("[0-9a-f]{32}");
        assertThat(first.cardHash()).isEqualTo(SessionChallenge.cardHash(person.idNumber()));
        assertThat(session().challenge().nonce()).as("the same card's next session").isNotEqualTo(first.nonce());
        assertThat(session().challenge().cardHash()).isEqualTo(first.cardHash());
        assertThat(session().toString()).doesNotContain(first.cardHash());
    }

    @Test
    void aReportCapturedInOneSessionDoesNotVerifyAnotherPersonsSession() {
        insert(person);
        FaceChecked captured = captureFace(0.97);
        sessions.end(session().id(), SessionEnd.CITIZEN_FINISHED);
        insert(identity(person.idNumber().hashCode() + 7L));
        UUID id = session().id();

        publisher.publishEvent(captured);

        assertThat(session().stage()).isEqualTo(Stage.AWAITING_FACE);
        assertThat(session().faceAttempts()).as("another session's report is not this person's attempt").isZero();
        assertThat(sessions.lastFaceRefusal(id)).isEmpty();
        assertThat(faceAudit(id, 1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("identity.face.refused");
            assertThat(e.detail()).contains("OTHER_SESSION", "attempt 0");
        });
        face(0.93, true);
        assertThat(session().verified()).as("the report made for this session").isTrue();
    }

    @Test
    void aReportCapturedInOneSessionDoesNotVerifyTheSamePersonsNextSession() {
        insert(person);
        FaceChecked captured = captureFace(0.97);
        UUID first = session().id();
        sessions.end(first, SessionEnd.INACTIVITY);
        insert(person);
        assertThat(session().id()).isNotEqualTo(first);

        publisher.publishEvent(captured);

        assertThat(session().stage()).isEqualTo(Stage.AWAITING_FACE);
        assertThat(session().faceAttempts()).isZero();
    }

    @Test
    void aReportSignedWithTheNonceOfTheSessionBeforeANewCardIsRefused() {
        insert(person);
        FaceChecked late = captureFace(0.95);
        TestIdentity next = identity(person.idNumber().hashCode() + 3L);
        insert(next);
        assertThat(recorder.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(KioskSessionEnded.class,
                ended -> assertThat(ended.reason()).isEqualTo(SessionEnd.NEW_CARD)));
        UUID id = session().id();

        publisher.publishEvent(late);
        publisher.publishEvent(FaceReports.signed(reportKey, device,
                new SessionChallenge(late.nonce(), SessionChallenge.cardHash(next.idNumber())), 0.95, true));

        assertThat(session().stage()).isEqualTo(Stage.AWAITING_FACE);
        assertThat(session().faceAttempts()).isZero();
        assertThat(faceAudit(id, 2)).as("the old card's report, and the new card compared under the old nonce")
                .allSatisfy(e -> assertThat(e.detail()).contains("OTHER_SESSION"));
        face(0.95, true);
        assertThat(session().verified()).isTrue();
    }

    @Test
    void anUnsignedReportIsRefusedCountedAndAudited() {
        insert(person);
        KioskSession session = session();
        publisher.publishEvent(new FaceChecked(device, UUID.randomUUID(), Instant.now(), session.challenge().nonce(),
                session.challenge().cardHash(), 0.99, true, ""));

        assertThat(session().stage()).isEqualTo(Stage.AWAITING_FACE);
        assertThat(session().faceAttempts()).isEqualTo(1);
        assertThat(sessions.lastFaceRefusal(session.id())).contains(FaceVerdict.Outcome.UNSIGNED);
        assertThat(faceAudit(session.id(), 1)).singleElement().satisfies(e -> assertThat(e.detail()).contains("UNSIGNED", "attempt 1"));
    }

    @Test
    void staffApprovalVerifiesTheSessionAndIsAudited() {
        insert(person);
        UUID id = session().id();
        face(0.1, true);
        face(0.1, true);
        face(0.1, true);
        assertThat(session().stage()).isEqualTo(Stage.FALLBACK_OFFERED);

        sessions.requestAssistedCheck(id);
        assertThat(session().stage()).isEqualTo(Stage.AWAITING_STAFF);
        assertThat(sessions.awaitingStaff()).extracting(KioskSession::id).contains(id);
        assertThat(sessions.cardPhotoForStaff(id, "desk-officer")).hasValueSatisfying(p -> assertThat(p).isEqualTo(person.photo()));

        KioskSession approved = sessions.approveAssistedCheck(id, "desk-officer");

        assertThat(approved.verified()).isTrue();
        assertThat(recorder.events).contains(new KioskSessionVerified(id, device, "staff"));
        await().atMost(Duration.ofSeconds(10)).until(() -> trail.about("kiosk-session:" + id).stream()
                .anyMatch(e -> e.action().equals("identity.assisted.approved")));
        assertThat(trail.about("kiosk-session:" + id)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("identity.assisted.approved");
            assertThat(e.actor()).isEqualTo("desk-officer");
        }).anySatisfy(e -> assertThat(e.action()).isEqualTo("identity.card-photo.viewed"));
        assertClearIdNumberStoredNowhere(person.idNumber(), person.name());
    }

    @Test
    void staffRejectionEndsTheSession() {
        insert(person);
        UUID id = session().id();
        sessions.requestAssistedCheck(id);

        sessions.rejectAssistedCheck(id, "desk-officer");

        assertThat(sessions.find(id)).isEmpty();
        assertThat(recorder.events).contains(new KioskSessionEnded(id, device, SessionEnd.FACE_REFUSED));
    }

    @Test
    void aNewCardEndsTheOldSessionAndStartsAnother() {
        insert(person);
        UUID first = session().id();
        TestIdentity other = identity(person.idNumber().hashCode() + 1L);

        insert(other);

        assertThat(sessions.find(first)).isEmpty();
        assertThat(recorder.events).contains(new KioskSessionEnded(first, device, SessionEnd.NEW_CARD));
        assertThat(session().id()).isNotEqualTo(first);
        assertThat(session().person().idNumber().value()).isEqualTo(other.idNumber());
    }

    @Test
    void endingForgetsThePerson() {
        insert(person);
        UUID id = session().id();

        sessions.end(id, SessionEnd.CITIZEN_FINISHED);

        assertThat(sessions.find(id)).isEmpty();
        assertThat(sessions.current(device)).isEmpty();
        assertThat(sessions.cardPhotoForStaff(id, "staff")).isEmpty();
        assertThatThrownBy(() -> sessions.requestAssistedCheck(id)).isInstanceOfSatisfying(KioskSessionException.class,
                e -> assertThat(e.reasonKey()).isEqualTo("identity.session.gone"));
    }

    @Test
    void thePhoneIsVerifiedByTheCodeSentBySms() {
        insert(person);
        UUID id = session().id();
        face(0.95, true);
        MobileNumber phone = MobileNumber.of("139" + String.format("%08d", new Random().nextInt(100_000_000)));

        VerificationCodes.Challenge challenge = sessions.sendPhoneCode(id, phone, Locale.SIMPLIFIED_CHINESE);

        assertThat(challenge.id()).isNotNull();
        String sms = org.hall24.testing.Phones.awaitCode(phone);
        Matcher digits = Pattern.compile("(\\d{6})").matcher(sms);
        assertThat(digits.find()).isTrue();
        String code = digits.group(1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThat(sessions.verifyPhone(id, wrong)).isEqualTo(PhoneCheck.WRONG);
        assertThat(session().verifiedPhone()).isNull();
        assertThat(sessions.verifyPhone(id, code)).isEqualTo(PhoneCheck.VERIFIED);
        assertThat(session().verifiedPhone()).isEqualTo(phone);
    }

    @Test
    void anEnterpriseCodeWithAWrongCheckCharacterIsRefusedWithAReason() {
        insert(person);
        UUID id = session().id();
        face(0.95, true);

        String first17 = "91500107MA5U3XXX0";
        char check = org.hall24.shared.UnifiedSocialCreditCode.checkCharacter(first17);
        String valid = first17 + check;
        String wrong = first17 + (check == '1' ? '2' : '1');
        assertThatThrownBy(() -> KioskSessions.enterpriseCode(wrong))
                .isInstanceOfSatisfying(KioskSessionException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("identity.enterprise.CHECK_CHARACTER"));
        KioskSession session = sessions.declareEnterprise(id, KioskSessions.enterpriseCode(valid.toLowerCase(Locale.ROOT)));

        assertThat(session.enterprise()).isNotNull();
        assertThat(session.enterprise().value()).isEqualTo(valid);
    }

    void assertClearIdNumberStoredNowhere(String idNumber, String name) {
        assertThat(jdbc.sql("select count(*) from audit_entry where detail like ? or subject like ? or detail like ?")
                .params("%" + idNumber + "%", "%" + idNumber + "%", "%" + name + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ? or serialized_event like ?")
                .params("%" + idNumber + "%", "%" + name + "%").query(Long.class).single()).isZero();
    }
}
