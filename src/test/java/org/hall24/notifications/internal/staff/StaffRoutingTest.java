package org.hall24.notifications.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.hall24.Hall24IntegrationTest;
import org.awaitility.Awaitility;
import org.hall24.notifications.Channel;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.OutboxQuery;
import org.hall24.notifications.StaffAudience;
import org.hall24.notifications.StaffNotifications;
import org.hall24.testing.Mailboxes;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Staff messages routed by their contacts' hours on a clock the test moves: within hours a text
 * now, outside them a digest item and a text to the duty operator instead, and the digest once,
 * at the contact's next start of hours. Each test has a hall of its own, so contacts of other tests
 * (and the demo's) are not its audience.
 */
@Hall24IntegrationTest
@Import(MutableClock.Configuration.class)
class StaffRoutingTest {

    static final ZoneId HALL_TIME = ZoneId.of("Asia/Shanghai");
    static final String TEMPLATE = "paper-to-collect";
    static final Map<String, String> VALUES = Map.of("department", "区住房公积金中心", "item", "住房公积金提取",
            "number", "JLP-20261204-000123", "hall", "杨家坪24小时政务服务中心", "compartment", "B3");

    @Autowired
    StaffNotifications staff;

    @Autowired
    StaffContacts contacts;

    @Autowired
    StaffDigests digests;

    @Autowired
    Notifications notifications;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    String hall;
    String collectorPhone;
    String collectorEmail;
    String operatorPhone;
    UUID collector;

    @BeforeEach
    void hallWithACollectorAndADutyOperator() {
        hall = "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36).toUpperCase();
        collectorPhone = phone();
        collectorEmail = "collector." + hall.toLowerCase() + "@test.example";
        operatorPhone = phone();
        collector = contacts.create(new ContactInput("王收件", "COLLECTOR", "GJJ", hall, collectorPhone, collectorEmail, "08:30", "18:00", true), "test");
        contacts.create(new ContactInput("周值班", "DUTY_OPERATOR", null, hall, operatorPhone, null, "00:00", "24:00", true), "test");
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Moves the clock forward to the next time the hall's clocks show this time. */
    void advanceTo(LocalTime time) {
        ZonedDateTime now = clock.instant().atZone(HALL_TIME);
        ZonedDateTime target = now.with(time).withSecond(0).withNano(0);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        clock.advance(Duration.between(now, target));
    }

    List<OutboxMessage> texts(String phone) {
        return notifications.find(new OutboxQuery(null, Channel.SMS, phone, null, 0, 50));
    }

    List<OutboxMessage> digestMails() {
        return notifications.find(new OutboxQuery(null, Channel.EMAIL, collectorEmail, StaffDigests.EMAIL_TEMPLATE, 0, 50));
    }

    int waiting(UUID contact) {
        return jdbc.sql("select count(*) from notification_digest_item where contact_id = ? and digested_at is null")
                .param(contact).query(Integer.class).single();
    }

    @Test
    void aCollectorWithinHoursIsTextedNowAndTheDutyOperatorIsNot() {
        advanceTo(LocalTime.of(10, 0));

        int texted = staff.notify(StaffAudience.collectors("GJJ", hall), TEMPLATE, VALUES);

        assertThat(texted).isEqualTo(1);
        assertThat(texts(collectorPhone)).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(TEMPLATE);
            assertThat(m.text()).contains("申办件JLP-20261204-000123").contains("B3格");
        });
        assertThat(texts(operatorPhone)).isEmpty();
        assertThat(waiting(collector)).isZero();
    }

    @Test
    void atThreeInTheMorningTheCollectorGetsADigestItemAndTheDutyOperatorTheText() {
        advanceTo(LocalTime.of(3, 0));

        int texted = staff.notify(StaffAudience.collectors("GJJ", hall), TEMPLATE, VALUES);

        assertThat(texted).as("the duty operator, texted instead").isEqualTo(1);
        assertThat(texts(collectorPhone)).isEmpty();
        assertThat(texts(operatorPhone)).singleElement().satisfies(m -> assertThat(m.template()).isEqualTo(TEMPLATE));
        assertThat(waiting(collector)).isOne();
        assertThat(jdbc.sql("select text from notification_digest_item where contact_id = ?").param(collector).query(String.class).single())
                .startsWith("区住房公积金中心：申办件JLP-20261204-000123").doesNotContain("【");
    }

    @Test
    void theDigestGoesOnceAtTheCollectorsNextStartOfHours() {
        advanceTo(LocalTime.of(3, 0));
        staff.notify(StaffAudience.collectors("GJJ", hall), TEMPLATE, VALUES);
        clock.advance(Duration.ofMinutes(10));
        staff.notify(StaffAudience.collectors("GJJ", hall), TEMPLATE, Map.of("department", "区住房公积金中心", "item", "住房公积金提取",
                "number", "JLP-20261204-000124", "hall", "杨家坪24小时政务服务中心", "compartment", "C1"));

        advanceTo(LocalTime.of(8, 29));
        digests.send();
        assertThat(digestMails()).as("before the collector's hours").isEmpty();

        advanceTo(LocalTime.of(8, 30));
        digests.send();
        digests.send();

        assertThat(digestMails()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("【九龙坡政务】夜间消息汇总（2条）");
            assertThat(mail.text()).contains("王收件，您好")
                    .contains("1. " + "%s 03:00 区住房公积金中心：申办件JLP-20261204-000123".formatted(
                            clock.instant().atZone(HALL_TIME).format(java.time.format.DateTimeFormatter.ofPattern("MM-dd"))))
                    .contains("2. ").contains("03:10").contains("JLP-20261204-000124");
        });
        assertThat(waiting(collector)).isZero();
        assertThat(texts(collectorPhone)).as("no text to the collector, ever").isEmpty();
    }

    @Test
    void theDigestReachesTheMailServerOverSmtpWithItsChineseSubjectAndTextAsRendered() throws Exception {
        advanceTo(LocalTime.of(3, 0));
        staff.notify(StaffAudience.collectors("GJJ", hall), TEMPLATE, VALUES);
        advanceTo(LocalTime.of(8, 30));
        digests.send();
        OutboxMessage queued = digestMails().get(0);

        MimeMessage received = Mailboxes.awaitMailsTo(collectorEmail, 1).get(0);

        assertThat(received.getSubject()).isEqualTo(queued.subject()).isEqualTo("【九龙坡政务】夜间消息汇总（1条）");
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip()).isEqualTo(queued.text().strip());
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("九龙坡区24小时政务服务中心");
        OutboxMessage submitted = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> notifications.find(queued.id()).orElseThrow(), m -> m.state() == DeliveryState.SUBMITTED);
        assertThat(submitted.provider()).isEqualTo("smtp");
        assertThat(received.getMessageID()).isEqualTo(submitted.providerId()).contains(queued.id().toString());
        assertThat(Mailboxes.mailsTo(collectorEmail)).hasSize(1);
    }

    @Test
    void aDigestRunSkipsAContactAnotherRunHoldsAndTwoConcurrentRunsSendOneMail() throws Exception {
        advanceTo(LocalTime.of(3, 0));
        staff.notify(StaffAudience.collectors("GJJ", hall), TEMPLATE, VALUES);
        advanceTo(LocalTime.of(8, 30));

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = threads.submit(() -> tx.executeWithoutResult(status -> {
                assertThat(contacts.claim(collector)).isPresent();
                held.countDown();
                awaitQuietly(release);
                status.setRollbackOnly();
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            digests.send();
            assertThat(digestMails()).as("the contact is held by another run").isEmpty();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> first = threads.submit(() -> {
                start.await();
                return digests.send();
            });
            Future<Integer> second = threads.submit(() -> {
                start.await();
                return digests.send();
            });
            start.countDown();
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(digestMails()).hasSize(1);
        assertThat(waiting(collector)).isZero();
    }

    @Test
    void aContactWithoutAnEmailAddressGetsTheDigestAsOneText() {
        String reviewerPhone = phone();
        contacts.create(new ContactInput("刘审核", "REVIEWER", "BDC", hall, reviewerPhone, null, "09:00", "17:30", true), "test");
        advanceTo(LocalTime.of(3, 0));
        staff.notify(StaffAudience.reviewers("BDC", hall), TEMPLATE, VALUES);
        clock.advance(Duration.ofMinutes(1));
        staff.notify(StaffAudience.reviewers("BDC", hall), TEMPLATE, VALUES);
        assertThat(texts(reviewerPhone)).isEmpty();

        advanceTo(LocalTime.of(9, 0));
        digests.send();

        assertThat(texts(reviewerPhone)).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(StaffDigests.SMS_TEMPLATE);
            assertThat(m.text()).startsWith("【九龙坡政务】刘审核，夜间有2条消息：").contains("03:00 区住房公积金中心").contains("03:01");
        });
    }

    @Test
    void whenNeitherTheReviewerNorADutyOperatorTakesTextsNowTheMessageWaitsForTheDigest() {
        String otherHall = hall + "-B";
        UUID reviewer = contacts.create(new ContactInput("李审核", "REVIEWER", "SW", otherHall, phone(), null, "09:00", "17:30", true), "test");
        String nightOperator = phone();
        contacts.create(new ContactInput("吴值班", "DUTY_OPERATOR", null, otherHall, nightOperator, null, "18:00", "08:00", true), "test");
        advanceTo(LocalTime.of(17, 45));

        int texted = staff.notify(StaffAudience.reviewers("SW", otherHall), TEMPLATE, VALUES);

        assertThat(texted).isZero();
        assertThat(waiting(reviewer)).isOne();
        assertThat(texts(nightOperator)).isEmpty();
    }

    @Test
    void dutyOperatorsOutsideTheirHoursGetTheirOwnMessagesInTheirDigestNotAFallback() {
        String otherHall = hall + "-C";
        String nightOperator = phone();
        UUID operator = contacts.create(new ContactInput("吴值班", "DUTY_OPERATOR", null, otherHall, nightOperator, "duty." + hall.toLowerCase()
                + "@test.example", "18:00", "08:00", true), "test");
        advanceTo(LocalTime.of(3, 0));

        assertThat(staff.notify(StaffAudience.dutyOperators(otherHall), TEMPLATE, VALUES)).isOne();
        advanceTo(LocalTime.of(12, 0));
        assertThat(staff.notify(StaffAudience.dutyOperators(otherHall), TEMPLATE, VALUES)).isZero();

        assertThat(texts(nightOperator)).hasSize(1);
        assertThat(waiting(operator)).isOne();
    }

    @Test
    void aDisabledContactIsToldNothing() {
        contacts.setEnabled(collector, false, "test");
        advanceTo(LocalTime.of(10, 0));

        int texted = staff.notify(StaffAudience.collectors("GJJ", hall), TEMPLATE, VALUES);

        assertThat(texted).as("the duty operator instead").isOne();
        assertThat(texts(collectorPhone)).isEmpty();
        assertThat(waiting(collector)).isZero();
        assertThat(texts(operatorPhone)).hasSize(1);
    }

    @Test
    void anUnknownTemplateFailsTheCallerWhoeverIsWithinHours() {
        advanceTo(LocalTime.of(3, 0));

        assertThatThrownBy(() -> staff.notify(StaffAudience.collectors("GJJ", hall), "no-such-event", VALUES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(waiting(collector)).isZero();
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
