package org.hall24.notifications.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.shared.MobileNumber;
import org.hall24.simulator.PhoneMessage;
import org.hall24.simulator.SimulatedSmsc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The whole way out: a queued message rendered from its template, the dispatcher, the SMPP
 * provider bound to the in-process simulated SMSC, the phone, and the receipt back to the outbox.
 * On a database of its own: every test context's dispatcher may claim any queued message, and the
 * other contexts send through the test phones.
 */
@Hall24IntegrationTest(properties = {"hall24.sms.provider=smpp", "hall24.embedded-db.data-dir=target/test-pg/smpp-delivery",
        "hall24.simulator.smsc.receipt-delay=100ms", "hall24.sms.smpp.reconnect-min-delay=100ms",
        "hall24.sms.smpp.reconnect-max-delay=500ms"})
class SmppDeliveryTest {

    @Autowired Notifications notifications;
    @Autowired SimulatedSmsc smsc;
    @Autowired SmppSmsProvider provider;
    @Autowired HealthIndicator smscHealthIndicator;

    private OutboxMessage awaitState(UUID id, DeliveryState state) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> notifications.find(id).orElseThrow(), m -> m.state() == state);
    }

    @Test
    void aChineseVerificationCodeReachesThePhoneAsRenderedAndItsReceiptMakesItDelivered() {
        await().atMost(Duration.ofSeconds(10)).until(provider::isBound);
        String phone = "13500135001";

        UUID id = notifications.sendSms(MobileNumber.of(phone), "verification-code", Map.of("code", "615243", "minutes", "5"),
                Locale.SIMPLIFIED_CHINESE);

        OutboxMessage delivered = awaitState(id, DeliveryState.DELIVERED);
        PhoneMessage received = smsc.lastMessage(phone).orElseThrow();
        assertThat(received.text()).isEqualTo("【九龙坡政务】您的验证码是615243，5分钟内有效。请勿告诉他人。");
        assertThat(delivered.provider()).isEqualTo("smpp");
        assertThat(delivered.providerId()).isEqualTo(received.messageIds().get(0));
        assertThat(smsc.submitsTo(phone)).isEqualTo(1);
        assertThat(smscHealthIndicator.health(false).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aLongTextArrivesInPartsReassembledAndIsDeliveredOnceEveryPartsReceiptIsBack() {
        String phone = "13500135002";
        String reason = "身份证复印件不清晰，户口簿首页与本人页均需提供，结婚证复印件缺少登记机关印章，请一并补正";

        UUID id = notifications.sendSms(MobileNumber.of(phone), "correction-requested",
                Map.of("item", "住房公积金提取", "number", "JLP-20261204-000123", "reason", reason, "days", "5"), Locale.SIMPLIFIED_CHINESE);

        OutboxMessage delivered = awaitState(id, DeliveryState.DELIVERED);
        PhoneMessage received = smsc.lastMessage(phone).orElseThrow();
        assertThat(received.parts()).isGreaterThan(1).isEqualTo(delivered.parts());
        assertThat(received.text()).contains(reason).startsWith("【九龙坡政务】");
        assertThat(smsc.submitsTo(phone)).isEqualTo(received.parts());
    }

    @Test
    void whileTheSmscIsDownTheMessageWaitsAndOnceItIsBackItIsDeliveredExactlyOnce() {
        String phone = "13500135003";
        smsc.down();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !provider.isBound());
            assertThat(smscHealthIndicator.health(true).getStatus()).isEqualTo(Status.DOWN);

            UUID id = notifications.sendSms(MobileNumber.of(phone), "verification-code", Map.of("code", "777123", "minutes", "5"),
                    Locale.SIMPLIFIED_CHINESE);

            OutboxMessage waiting = awaitState(id, DeliveryState.TEMPORARY_FAILURE);
            assertThat(waiting.providerAnswer()).startsWith("not bound to the SMSC");
            // Three failed attempts: the wait before each next one doubles (1 s, 2 s in the test profile, ±20 %).
            List<OutboxMessage.Attempt> failed = await().atMost(Duration.ofSeconds(20)).until(() -> notifications.attempts(id),
                    a -> a.size() >= 3 && a.get(2).outcome() != null);
            assertThat(failed).extracting(OutboxMessage.Attempt::outcome).containsOnly(DeliveryState.TEMPORARY_FAILURE);
            Duration firstWait = Duration.between(failed.get(0).endedAt(), failed.get(1).startedAt());
            Duration secondWait = Duration.between(failed.get(1).endedAt(), failed.get(2).startedAt());
            assertThat(secondWait).as("growing delays").isGreaterThan(firstWait);
            assertThat(smsc.submitsTo(phone)).isZero();

            smsc.up();
            awaitState(id, DeliveryState.DELIVERED);
            assertThat(smsc.submitsTo(phone)).isEqualTo(1);
            assertThat(smsc.messages(phone)).hasSize(1);
        }
        finally {
            smsc.clearFaults();
        }
    }

    @Test
    void aNumberTheSmscRefusesIsAPermanentFailureWithoutRetries() {
        smsc.refuseSubmitsWith(org.jsmpp.SMPPConstant.STAT_ESME_RINVDSTADR);
        try {
            UUID id = notifications.sendSms(MobileNumber.of("13500135004"), "verification-code",
                    Map.of("code", "100200", "minutes", "5"), Locale.SIMPLIFIED_CHINESE);

            OutboxMessage failed = awaitState(id, DeliveryState.PERMANENT_FAILURE);
            assertThat(failed.providerAnswer()).isEqualTo("ESME_RINVDSTADR");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(smsc.submitsTo("13500135004")).isEqualTo(1);
        }
        finally {
            smsc.clearFaults();
        }
    }
}
