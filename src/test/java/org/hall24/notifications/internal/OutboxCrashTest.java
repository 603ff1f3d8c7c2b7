package org.hall24.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.shared.MobileNumber;
import org.hall24.testing.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A node that stops between claiming a message and sending it loses nothing and duplicates nothing. */
@Hall24IntegrationTest
class OutboxCrashTest {

    @Autowired
    Notifications notifications;

    @Autowired
    org.hall24.notifications.DeliveryReceipts receipts;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anAttemptWhoseNodeStoppedIsTakenOverOnceItsLeaseRunsOutAndSentOnce() {
        MobileNumber phone = MobileNumber.of("137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        // The stopped node's claim, as Outbox.claim writes it: attempt 1 started, SENDING, a lease that has run out;
        // queued and claimed in one transaction so that no running dispatcher takes it first.
        UUID id = tx.execute(s -> {
            UUID queued = notifications.sendSms(phone, "filing-received", Map.of("item", "a", "number", "JLP-C", "days", "1"),
                    Locale.SIMPLIFIED_CHINESE);
            Instant then = Instant.now().minus(Duration.ofMinutes(5));
            jdbc.sql("update notification_message set state = 'SENDING', attempts = 1, lease_until = ? where id = ?")
                    .params(Timestamp.from(then.plusSeconds(120)), queued).update();
            jdbc.sql("insert into notification_attempt (message_id, number, started_at, by_whom) values (?, 1, ?, 'dispatcher@stopped-node')")
                    .params(queued, Timestamp.from(then)).update();
            return queued;
        });

        OutboxMessage sent = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notifications.find(id).orElseThrow(),
                m -> m.state() == DeliveryState.SUBMITTED);

        assertThat(Phones.submitsTo(phone.value())).as("sent exactly once").isEqualTo(1);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(notifications.attempts(id)).satisfiesExactly(
                first -> {
                    assertThat(first.outcome()).isEqualTo(DeliveryState.TEMPORARY_FAILURE);
                    assertThat(first.answer()).contains("outcome unknown");
                    assertThat(first.by()).isEqualTo("dispatcher@stopped-node");
                },
                second -> assertThat(second.outcome()).isEqualTo(DeliveryState.SUBMITTED));
    }

    @Test
    void aReceiptThatArrivesBeforeItsSubmitIsRecordedIsAppliedThen() {
        MobileNumber phone = MobileNumber.of("137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        String smscId = "early-" + UUID.randomUUID();
        UUID id = tx.execute(s -> {
            UUID queued = notifications.sendSms(phone, "filing-received", Map.of("item", "a", "number", "JLP-E", "days", "1"),
                    Locale.SIMPLIFIED_CHINESE);
            jdbc.sql("update notification_message set state = 'SENDING', attempts = 1, lease_until = now() + interval '1 minute' where id = ?")
                    .param(queued).update();
            jdbc.sql("insert into notification_attempt (message_id, number, started_at, by_whom) values (?, 1, now(), 'test')")
                    .param(queued).update();
            return queued;
        });
        receipts.record("smpp", smscId, DeliveryState.DELIVERED, "DELIVRD err:000");

        Outbox.Claimed claimed = new Outbox.Claimed(id, org.hall24.notifications.Channel.SMS, 1, phone.value(), null, "text",
                Instant.now().plusSeconds(3600));
        var state = tx.execute(s -> outbox.record(claimed, "smpp",
                new org.hall24.notifications.SendOutcome.Submitted(java.util.List.of(smscId), "ESME_ROK"), Instant.now(), Instant.now()));

        assertThat(state).contains(DeliveryState.DELIVERED);
        assertThat(notifications.find(id).orElseThrow().providerAnswer()).isEqualTo("DELIVRD err:000");
    }
}
