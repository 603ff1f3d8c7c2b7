package org.hall24.notifications.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hall24.notifications.DeliveryReceipts;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.SendOutcome;
import org.hall24.notifications.SmsProvider.OutgoingSms;
import org.hall24.simulator.PhoneMessage;
import org.hall24.simulator.SimulatedSmsc;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP provider against the simulated carrier SMSC, over real SMPP on loopback, without Spring. */
class SmppSmsProviderTest {

    private static final String PHONE = "13800138000";
    private static final String UNREACHABLE = "13900139000";

    /** DeliveryReceipts is the provider's collaborator here: a recording stands in for the outbox. */
    record Recorded(String provider, String providerId, DeliveryState state, String answer) {
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final DeliveryReceipts receipts = (provider, id, state, answer) -> recorded.add(new Recorded(provider, id, state, answer));

    private SimulatedSmsc smsc;
    private SmppSmsProvider provider;

    @BeforeEach
    void start() {
        smsc = new SimulatedSmsc(SimulatedSmsc.Settings.demo().withReceiptDelay(Duration.ofMillis(100)).withUnreachable(Set.of(UNREACHABLE)))
                .start();
        provider = provider(SmppProperties.demo(smsc.port()));
        provider.start();
        await().atMost(Duration.ofSeconds(10)).until(provider::isBound);
    }

    @AfterEach
    void stop() {
        provider.close();
        smsc.close();
    }

    private SmppSmsProvider provider(SmppProperties properties) {
        return new SmppSmsProvider(properties.withResponseTimeout(Duration.ofMillis(800))
                .withReconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200)), smsc::port, receipts);
    }

    private static OutgoingSms sms(String to, String text) {
        return new OutgoingSms(UUID.randomUUID(), 1, to, text);
    }

    @Test
    void aChineseTextArrivesDecodedFromUcs2AsItWasSent() {
        String text = "【九龙坡政务】您的验证码为123456，5分钟内有效，请勿告诉他人。𠀀";

        SendOutcome outcome = provider.send(sms(PHONE, text));

        assertThat(outcome).isInstanceOf(SendOutcome.Submitted.class);
        assertThat(((SendOutcome.Submitted) outcome).providerIds()).hasSize(1);
        assertThat(outcome.answer()).isEqualTo("ESME_ROK");
        PhoneMessage received = smsc.lastMessage(PHONE).orElseThrow();
        assertThat(received.text()).isEqualTo(text);
        assertThat(received.parts()).isEqualTo(1);
        assertThat(received.from()).isEqualTo("10690024");
        assertThat(received.messageIds()).isEqualTo(((SendOutcome.Submitted) outcome).providerIds());
        assertThat(smsc.submitsTo(PHONE)).isEqualTo(1);
    }

    @Test
    void a150CharacterTextArrivesAsThreePartsOfOneMessage() {
        String text = "政".repeat(150);

        SendOutcome outcome = provider.send(sms(PHONE, text));

        assertThat(outcome).isInstanceOf(SendOutcome.Submitted.class);
        List<String> ids = ((SendOutcome.Submitted) outcome).providerIds();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(smsc.submitsTo(PHONE)).isEqualTo(3);
        // The SMSC reassembles parts by (sender, phone, reference): one message means one reference.
        assertThat(smsc.messages(PHONE)).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo(text);
            assertThat(message.parts()).isEqualTo(3);
            assertThat(message.messageIds()).isEqualTo(ids);
        });
        assertThat(smsc.incompleteMessages()).isZero();
    }

    @Test
    void deliveryReceiptsReachDeliveryReceiptsForEveryPart() {
        SendOutcome outcome = provider.send(sms(PHONE, "政".repeat(100)));
        List<String> ids = ((SendOutcome.Submitted) outcome).providerIds();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorded).containsExactlyInAnyOrder(
                new Recorded("smpp", ids.get(0), DeliveryState.DELIVERED, "DELIVRD err:000"),
                new Recorded("smpp", ids.get(1), DeliveryState.DELIVERED, "DELIVRD err:000")));
        await().atMost(Duration.ofSeconds(5)).until(() -> smsc.lastMessage(PHONE).orElseThrow().receiptSent());
    }

    @Test
    void anUnreachableNumbersReceiptIsAPermanentFailure() {
        SendOutcome outcome = provider.send(sms(UNREACHABLE, "【九龙坡政务】您的材料已收到。"));
        String id = ((SendOutcome.Submitted) outcome).providerIds().get(0);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorded)
                .containsExactly(new Recorded("smpp", id, DeliveryState.PERMANENT_FAILURE, "UNDELIV err:001")));
    }

    @Test
    void whileTheSmscIsDownSendingFailsForNowAndOnceItIsBackTheProviderBindsAgainAndSends() {
        smsc.down();
        await().atMost(Duration.ofSeconds(10)).until(() -> !provider.isBound());

        SendOutcome down = provider.send(sms(PHONE, "【九龙坡政务】测试"));

        assertThat(down).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(down.answer()).startsWith("not bound to the SMSC");
        assertThat(provider.problem()).isPresent();
        assertThat(smsc.submitsTo(PHONE)).isZero();

        smsc.up();
        await().atMost(Duration.ofSeconds(10)).until(provider::isBound);
        SendOutcome up = provider.send(sms(PHONE, "【九龙坡政务】测试"));

        assertThat(up).isInstanceOf(SendOutcome.Submitted.class);
        assertThat(smsc.submitsTo(PHONE)).isEqualTo(1);
        assertThat(smsc.lastMessage(PHONE).orElseThrow().text()).isEqualTo("【九龙坡政务】测试");
    }

    @Test
    void anInvalidDestinationIsAPermanentFailure() {
        SendOutcome outcome = provider.send(sms("12345678901", "【九龙坡政务】测试"));

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(outcome.answer()).isEqualTo("ESME_RINVDSTADR");
    }

    @Test
    void anAnswerSlowerThanTheTimeOutIsATemporaryFailureWithAnUnknownOutcome() {
        smsc.answerWithin(Duration.ofMillis(2_000));

        SendOutcome outcome = provider.send(sms(PHONE, "【九龙坡政务】测试"));

        assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(outcome.answer()).isEqualTo("no submit_sm_resp within 800 ms: outcome unknown");
    }

    @Test
    void throttlingAndAFullQueueAreTemporaryFailures() {
        smsc.refuseSubmitsWith(SMPPConstant.STAT_ESME_RTHROTTLED);
        SendOutcome throttled = provider.send(sms(PHONE, "【九龙坡政务】测试"));
        smsc.refuseSubmitsWith(SMPPConstant.STAT_ESME_RMSGQFUL);
        SendOutcome full = provider.send(sms(PHONE, "【九龙坡政务】测试"));

        assertThat(throttled).isEqualTo(new SendOutcome.TemporaryFailure("ESME_RTHROTTLED"));
        assertThat(full).isEqualTo(new SendOutcome.TemporaryFailure("ESME_RMSGQFUL"));
    }

    @Test
    void aRefusedPartOfALongTextIsNamed() {
        SendOutcome first = provider.send(sms(PHONE, "政".repeat(10)));
        assertThat(first).isInstanceOf(SendOutcome.Submitted.class);
        smsc.refuseSubmitsWith(SMPPConstant.STAT_ESME_RSYSERR);

        SendOutcome outcome = provider.send(sms(PHONE, "政".repeat(80)));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("part 1 of 2: ESME_RSYSERR"));
    }

    @Test
    void aWrongPasswordIsNeverBoundAndSaysWhy() {
        SmppProperties wrong = new SmppProperties("127.0.0.1", smsc.port(), "hall24", "wrong", "10690024", null, 10,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(200));
        try (SmppSmsProvider refused = provider(wrong)) {
            refused.start();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refused.problem()).hasValueSatisfying(
                    problem -> assertThat(problem).contains("ESME_RINVPASWD")));
            assertThat(refused.send(sms(PHONE, "x"))).isInstanceOf(SendOutcome.TemporaryFailure.class);
        }
    }

    @Test
    void anEmptyTextIsNotSent() {
        assertThat(provider.send(sms(PHONE, ""))).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(smsc.submitsTo(PHONE)).isZero();
    }

    @Test
    void aStoppedProviderAnswersInsteadOfThrowing() {
        provider.stop();

        assertThat(provider.send(sms(PHONE, "x"))).isEqualTo(new SendOutcome.TemporaryFailure("not bound to the SMSC: stopped"));
    }

    @Test
    void theReconnectBackOffDoublesUpToTheMaximum() {
        SmppSmsProvider p = new SmppSmsProvider(SmppProperties.demo(1).withReconnectDelays(Duration.ofSeconds(1), Duration.ofSeconds(60)),
                () -> 1, receipts);

        assertThat(List.of(1, 2, 3, 4, 7, 8, 100).stream().map(p::backOff).map(Duration::toSeconds).toList())
                .containsExactly(1L, 2L, 4L, 8L, 60L, 60L, 60L);
    }

    @Test
    void eachAttemptHasItsOwnConcatenationReference() {
        UUID id = UUID.randomUUID();
        assertThat(SmppSmsProvider.reference(new OutgoingSms(id, 1, PHONE, "x")))
                .isEqualTo(SmppSmsProvider.reference(new OutgoingSms(id, 1, PHONE, "y")))
                .isNotEqualTo(SmppSmsProvider.reference(new OutgoingSms(id, 2, PHONE, "x")))
                .isBetween(0, 255);
    }
}
