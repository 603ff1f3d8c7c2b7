package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hall24.device.CardRead;
import org.hall24.device.DeviceStatus;
import org.hall24.device.IdCard;
import org.hall24.device.gateway.DeviceTopic;
import org.hall24.device.gateway.Payload;
import org.hall24.device.health.DeviceHealth;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.SendOutcome;
import org.hall24.notifications.SmsProvider;
import org.hall24.shared.MobileNumber;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Periodic jobs do not wait for each other: while the SMS provider hangs (30 s per message, as a
 * carrier gateway that stopped answering), the kiosk inactivity wipe and the device offline
 * detection still happen on time. Time moves on a {@link MutableClock}; the jobs run every
 * 200 ms of real time, so each rule must be seen within a few seconds.
 */
@Hall24IntegrationTest(properties = { "hall24.kiosk.inactivity-sweep=200ms", "hall24.devices.health-check-period=200ms",
        "hall24.notifications.dispatch-delay=200ms" })
@Import({ MutableClock.Configuration.class, PeriodicJobsTest.HangingProvider.class })
class PeriodicJobsTest {

    /** An SMS provider that does not answer for 30 s. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HangingProvider {

        static final CountDownLatch entered = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);

        @Bean
        @Primary
        SmsProvider hangingSmsProvider() {
            return new SmsProvider() {

                @Override
                public String name() {
                    return "hanging";
                }

                @Override
                public SendOutcome send(OutgoingSms sms) {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new SendOutcome.TemporaryFailure("no answer in 30 s");
                }
            };
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    Notifications notifications;

    @Autowired
    KioskSessions sessions;

    @Autowired
    DeviceHealth health;

    @Autowired
    ApplicationEventPublisher publisher;

    @AfterEach
    void releaseTheProvider() {
        HangingProvider.release.countDown();
    }

    @Test
    void aHangingSmsProviderDelaysNeitherTheKioskWipeNorOfflineDetection() throws InterruptedException {
        // Other test contexts of this JVM dispatch the same outbox: queue until this one's provider hangs on one.
        for (int i = 0; i < 100 && HangingProvider.entered.getCount() > 0; i++) {
            notifications.sendSms(MobileNumber.of("13900000000"), "verification-code", Map.of("code", "123456", "minutes", "5"),
                    Locale.SIMPLIFIED_CHINESE);
            HangingProvider.entered.await(200, TimeUnit.MILLISECONDS);
        }
        assertThat(HangingProvider.entered.getCount()).as("the provider is hanging on a message").isZero();

        String kiosk = "TEST-JOBS-" + UUID.randomUUID().toString().substring(0, 8);
        TestIdentity who = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(kiosk, UUID.randomUUID(), clock.instant(), new IdCard(who.name(), who.sex(),
                who.ethnicity(), who.birthDate().toString(), who.address(), who.idNumber(), who.issuer(),
                who.validFrom().toString(), who.validTo().toString(), who.photo())));
        KioskSession session = sessions.current(kiosk).orElseThrow();

        String device = "TEST-JOBS-DEV-" + UUID.randomUUID().toString().substring(0, 8);
        health.status(new DeviceTopic("TEST", device, DeviceTopic.Kind.STATUS, null),
                new Payload.Status(clock.instant(), true, null, "1.0", 10));
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.ONLINE);

        clock.advance(sessions.inactivityTimeout().plusSeconds(31));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(sessions.find(session.id())).as("the idle session is wiped").isEmpty();
            assertThat(health.statusOf(device)).as("the silent device is offline").isEqualTo(DeviceStatus.OFFLINE);
        });
        assertThat(HangingProvider.release.getCount()).as("the provider was still hanging").isOne();
    }
}
