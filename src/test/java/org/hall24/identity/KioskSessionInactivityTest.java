package org.hall24.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * A session nobody touches ends by itself after the inactivity timeout and forgets the person; a
 * touch keeps it. Time is a {@link MutableClock} moved by hand; the sweep looks at it every 200 ms
 * of real time, so each step waits for the sweep's own signal (a {@link KioskSessionEnded}).
 */
@Hall24IntegrationTest(properties = {"hall24.kiosk.inactivity-timeout=2s", "hall24.kiosk.inactivity-sweep=200ms"})
@Import({MutableClock.Configuration.class, KioskSessionInactivityTest.Ended.class})
class KioskSessionInactivityTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TestConfiguration
    static class Ended {

        final List<KioskSessionEnded> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(KioskSessionEnded event) {
            events.add(event);
        }

        boolean ended(UUID session, SessionEnd reason) {
            return events.stream().anyMatch(e -> e.sessionId().equals(session) && e.reason() == reason);
        }
    }

    @Autowired
    KioskSessions sessions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    MutableClock clock;

    @Autowired
    Ended ended;

    KioskSession cardRead() {
        String device = "TEST-IDLE-" + UUID.randomUUID().toString().substring(0, 8);
        TestIdentity who = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(device, UUID.randomUUID(), Instant.now(), new IdCard(who.name(), who.sex(),
                who.ethnicity(), who.birthDate().toString(), who.address(), who.idNumber(), who.issuer(),
                who.validFrom().toString(), who.validTo().toString(), who.photo())));
        return sessions.current(device).orElseThrow();
    }

    @Test
    void inactivityEndsTheSessionAndATouchPostponesIt() {
        assertThat(sessions.inactivityTimeout()).isEqualTo(TIMEOUT);
        KioskSession touched = cardRead();
        KioskSession untouched = cardRead();
        assertThat(touched.expiresAt()).isEqualTo(clock.instant().plus(TIMEOUT));

        clock.advance(Duration.ofMillis(1500));
        sessions.touch(touched.id());
        assertThat(sessions.find(touched.id()).orElseThrow().expiresAt()).isEqualTo(clock.instant().plus(TIMEOUT));

        clock.advance(Duration.ofMillis(1000));
        await().atMost(Duration.ofSeconds(5)).until(() -> ended.ended(untouched.id(), SessionEnd.INACTIVITY));
        assertThat(sessions.find(untouched.id())).as("2.5 s without a touch: gone").isEmpty();
        assertThat(sessions.current(untouched.deviceCode())).isEmpty();
        assertThat(sessions.find(touched.id())).as("touched 1 s ago, and the sweep that ended the other one has run").isPresent();

        clock.advance(Duration.ofMillis(1000));
        await().atMost(Duration.ofSeconds(5)).until(() -> ended.ended(touched.id(), SessionEnd.INACTIVITY));
        assertThat(sessions.find(touched.id())).isEmpty();
        assertThat(sessions.current(touched.deviceCode())).isEmpty();
        assertThat(sessions.awaitingStaff()).noneMatch(s -> s.id().equals(touched.id()));
    }
}
