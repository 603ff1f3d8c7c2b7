package org.hall24.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** A session nobody touches ends by itself after the inactivity timeout and forgets the person; a touch keeps it. */
@Hall24IntegrationTest(properties = {"hall24.kiosk.inactivity-timeout=2s", "hall24.kiosk.inactivity-sweep=200ms"})
class KioskSessionInactivityTest {

    @Autowired
    KioskSessions sessions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void inactivityEndsTheSessionAndATouchPostponesIt() {
        String device = "TEST-IDLE-" + UUID.randomUUID().toString().substring(0, 8);
        TestIdentity who = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(device, UUID.randomUUID(), Instant.now(), new IdCard(who.name(), who.sex(),
                who.ethnicity(), who.birthDate().toString(), who.address(), who.idNumber(), who.issuer(),
                who.validFrom().toString(), who.validTo().toString(), who.photo())));
        KioskSession session = sessions.current(device).orElseThrow();
        assertThat(sessions.inactivityTimeout()).isEqualTo(Duration.ofSeconds(2));

        Instant before = session.expiresAt();
        await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
        sessions.touch(session.id());
        assertThat(sessions.find(session.id()).orElseThrow().expiresAt()).isAfter(before);
        await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
        assertThat(sessions.find(session.id())).as("touched 1.2 s ago, alive").isPresent();

        await().atMost(Duration.ofSeconds(5)).until(() -> sessions.find(session.id()).isEmpty());
        assertThat(sessions.current(device)).isEmpty();
        assertThat(sessions.awaitingStaff()).noneMatch(s -> s.id().equals(session.id()));
    }
}
