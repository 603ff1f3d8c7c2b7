package org.hall24.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceAlertCleared;
import org.hall24.device.DeviceAlertRaised;
import org.hall24.device.DeviceWentOffline;
import org.hall24.device.DeviceWentOnline;
import org.hall24.notifications.internal.staff.ContactInput;
import org.hall24.notifications.internal.staff.StaffContacts;
import org.hall24.testing.MutableClock;
import org.hall24.testing.Phones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device faults reach the hall's duty operator once, again when they clear, not again within the
 * quiet period; a device offline only after a while. Time on a {@link MutableClock}; a database of
 * its own, so no other test context's clock takes its incidents.
 */
@Hall24IntegrationTest(properties = {"hall24.embedded-db.data-dir=target/test-pg/alerting-${random.uuid}",
        "hall24.alerting.check-period=100ms", "hall24.alerting.offline-after=5m", "hall24.alerting.quiet-period=30m"})
@Import(MutableClock.Configuration.class)
class OperatorAlertsTest {

    static final String CABINET = "JLP-YJP-CAB-01";
    static final String KIOSK = "JLP-YJP-GOV-01";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MutableClock clock;

    @Autowired
    StaffContacts contacts;

    @Autowired
    JdbcClient jdbc;

    String operator;

    @BeforeEach
    void aDutyOperatorAroundTheClock() {
        jdbc.sql("delete from alerting_incident").update();
        jdbc.sql("update notification_contact set enabled = false where role = 'DUTY_OPERATOR' and hall = 'JLP-YJP'").update();
        operator = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        contacts.create(new ContactInput("周值班", "DUTY_OPERATOR", null, "JLP-YJP", operator, null, "00:00", "24:00", true), "test");
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    /** Waits until every event published so far was handled by its listeners (their publications completed). */
    void awaitHandled() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Integer.class).single() == 0);
    }

    List<String> texts() {
        return Phones.texts(operator);
    }

    @Test
    void aJammedDoorIsToldOnceAndAgainWhenItClears() {
        Instant at = clock.instant();
        publish(new DeviceAlertRaised(CABINET, DeviceAlert.DOOR_JAMMED, "B3", at));
        publish(new DeviceAlertRaised(CABINET, DeviceAlert.DOOR_JAMMED, "B3", at.plusSeconds(1)));
        awaitHandled();

        String told = Phones.awaitLastText(operator);
        assertThat(told).startsWith("【九龙坡政务】设备告警：").contains("九龙坡区24小时智慧政务服务中心", CABINET, "智能文件柜", "柜门卡住", "B3");

        clock.advance(Duration.ofMinutes(12));
        publish(new DeviceAlertCleared(CABINET, DeviceAlert.DOOR_JAMMED, "B3", clock.instant()));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> texts().size() == 2);
        assertThat(texts().get(1)).contains("告警解除", CABINET, "柜门卡住", "B3", "持续12分钟");
        assertThat(texts()).as("the repeated raise was not told again").hasSize(2);
    }

    @Test
    void theSameAlertBackWithinTheQuietPeriodIsToldWhenThePeriodEndsIfItIsStillOpen() {
        publish(new DeviceAlertRaised(CABINET, DeviceAlert.DOOR_LEFT_OPEN, "A1", clock.instant()));
        Phones.awaitLastText(operator);
        clock.advance(Duration.ofMinutes(2));
        publish(new DeviceAlertCleared(CABINET, DeviceAlert.DOOR_LEFT_OPEN, "A1", clock.instant()));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> texts().size() == 2);

        clock.advance(Duration.ofMinutes(1));
        publish(new DeviceAlertRaised(CABINET, DeviceAlert.DOOR_LEFT_OPEN, "A1", clock.instant()));
        awaitHandled();
        assertThat(jdbc.sql("select due_at > ? from alerting_incident where device_code = ? and alert = 'DOOR_LEFT_OPEN' and open")
                .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(26))), CABINET).query(Boolean.class).single())
                .as("due when the 30 minutes after the first notice end, not now").isTrue();
        assertThat(texts()).as("within the quiet period").hasSize(2);

        clock.advance(Duration.ofMinutes(28));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> texts().size() == 3);
        assertThat(texts().get(2)).contains("设备告警", "A1");
    }

    @Test
    void aDeviceOfflineIsToldOnlyAfterAWhileAndAShortOutageNotAtAll() {
        publish(new DeviceWentOffline(KIOSK, "telemetry-timeout", clock.instant()));
        clock.advance(Duration.ofMinutes(2));
        publish(new DeviceWentOnline(KIOSK, clock.instant()));
        awaitHandled();
        assertThat(jdbc.sql("select count(*) from alerting_incident where device_code = ? and open").param(KIOSK).query(Integer.class)
                .single()).as("two minutes offline: closed, never due").isZero();

        Instant lost = clock.instant();
        publish(new DeviceWentOffline(KIOSK, "connection-lost", lost));
        awaitHandled();
        assertThat(jdbc.sql("select due_at from alerting_incident where device_code = ? and alert = 'OFFLINE' and open").param(KIOSK)
                .query(java.sql.Timestamp.class).single().toInstant()).as("due five minutes after it went offline")
                .isCloseTo(lost.plus(Duration.ofMinutes(5)), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(texts()).as("the short outage was never told").isEmpty();
        clock.advance(Duration.ofMinutes(4));

        clock.advance(Duration.ofMinutes(2));
        String told = Phones.awaitLastText(operator);
        assertThat(told).contains("设备告警", KIOSK, "离线超过5分钟");

        clock.advance(Duration.ofMinutes(3));
        publish(new DeviceWentOnline(KIOSK, clock.instant()));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> texts().size() == 2);
        assertThat(texts().get(1)).contains("告警解除", KIOSK, "持续9分钟");
    }

    @Test
    void paperRunningLowAndMaintenanceAreNotTold() {
        publish(new DeviceAlertRaised(KIOSK, DeviceAlert.PAPER_LOW, "printer", clock.instant()));
        publish(new DeviceWentOffline("JLP-YJP-GOV-02", "maintenance", clock.instant()));
        publish(new DeviceAlertRaised(KIOSK, DeviceAlert.PAPER_OUT, "printer", clock.instant()));
        awaitHandled();

        String told = Phones.awaitLastText(operator);
        assertThat(told).contains("缺纸");
        assertThat(jdbc.sql("select count(*) from alerting_incident where alert in ('PAPER_LOW', 'OFFLINE')").query(Integer.class).single())
                .isZero();
        assertThat(texts()).hasSize(1);
    }
}
