package org.hall24.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated SMSC as a plain SMPP client sees it. */
class SimulatedSmscTest {

    private static final String PHONE = "13800138000";

    private SimulatedSmsc smsc;
    private final List<String> receipts = new CopyOnWriteArrayList<>();
    private SMPPSession client;

    @BeforeEach
    void start() throws IOException {
        smsc = new SimulatedSmsc(SimulatedSmsc.Settings.demo().withReceiptDelay(Duration.ofMillis(50)).withUnreachable(Set.of("13900139000")))
                .start();
        client = bind(SimulatedSmsc.DEMO_PASSWORD);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.unbindAndClose();
        }
        smsc.close();
    }

    private SMPPSession bind(String password) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                receipts.add(new String(deliverSm.getShortMessage(), StandardCharsets.US_ASCII));
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, SimulatedSmsc.DEMO_SYSTEM_ID, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        return session;
    }

    private String submit(String to, byte esmClass, byte[] shortMessage) throws Exception {
        return client.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690024", TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.ISDN, to, new ESMClass(esmClass), (byte) 0, (byte) 0, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                (byte) 0, shortMessage).getMessageId();
    }

    private static byte[] part(int reference, int total, int number, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] out = new byte[6 + body.length];
        out[0] = 5;
        out[2] = 3;
        out[3] = (byte) reference;
        out[4] = (byte) total;
        out[5] = (byte) number;
        System.arraycopy(body, 0, out, 6, body.length);
        return out;
    }

    @Test
    void listensOnTheFreePortItPickedOnLoopback() {
        assertThat(smsc.port()).isPositive();
        assertThat(smsc.boundSessions()).isEqualTo(1);
    }

    @Test
    void reassemblesPartsIntoThePhonesInboxAndSendsAReceiptForEachPart() throws Exception {
        String second = submit(PHONE, (byte) 0x40, part(77, 2, 2, "第二部分"));
        String first = submit(PHONE, (byte) 0x40, part(77, 2, 1, "第一部分，"));

        PhoneMessage message = smsc.lastMessage(PHONE).orElseThrow();
        assertThat(message.text()).isEqualTo("第一部分，第二部分");
        assertThat(message.messageIds()).containsExactly(first, second);
        assertThat(message.delivered()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(message::receiptSent);
        assertThat(receipts).hasSize(2).allSatisfy(r -> assertThat(r).contains("stat:DELIVRD err:000"))
                .anySatisfy(r -> assertThat(r).startsWith("id:" + first + " "))
                .anySatisfy(r -> assertThat(r).startsWith("id:" + second + " "));
    }

    @Test
    void countsEverySubmitInTotalAndPerDestinationRefusedOnesToo() throws Exception {
        submit(PHONE, (byte) 0, "一".getBytes(StandardCharsets.UTF_16BE));
        submit(PHONE, (byte) 0, "二".getBytes(StandardCharsets.UTF_16BE));
        submit("13700137000", (byte) 0, "三".getBytes(StandardCharsets.UTF_16BE));
        assertThatExceptionOfType(NegativeResponseException.class)
                .isThrownBy(() -> submit("0233333333", (byte) 0, "四".getBytes(StandardCharsets.UTF_16BE)))
                .satisfies(e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVDSTADR));

        assertThat(smsc.submits()).isEqualTo(4);
        assertThat(smsc.submitsTo(PHONE)).isEqualTo(2);
        assertThat(smsc.submitsTo("13700137000")).isEqualTo(1);
        assertThat(smsc.submitsTo("0233333333")).isEqualTo(1);
        assertThat(smsc.submitsTo("13600136000")).isZero();
        assertThat(smsc.phones()).containsExactly("13700137000", PHONE);
    }

    @Test
    void anUnreachableNumberGetsAnUndeliveredReceipt() throws Exception {
        String id = submit("13900139000", (byte) 0, "五".getBytes(StandardCharsets.UTF_16BE));

        await().atMost(Duration.ofSeconds(5)).until(() -> receipts.size() == 1);
        assertThat(receipts.get(0)).startsWith("id:" + id + " ").contains("stat:UNDELIV err:001");
        assertThat(smsc.lastMessage("13900139000").orElseThrow().delivered()).isFalse();
    }

    @Test
    void refusesAWrongPassword() {
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> bind("wrong"))
                .withMessageContaining("negative bind response");
    }

    @Test
    void downClosesSessionsAndRefusesBindsUntilUp() throws Exception {
        smsc.down();

        await().atMost(Duration.ofSeconds(5)).until(() -> !client.getSessionState().isBound());
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> bind(SimulatedSmsc.DEMO_PASSWORD));

        smsc.up();
        client = bind(SimulatedSmsc.DEMO_PASSWORD);
        assertThat(submit(PHONE, (byte) 0, "六".getBytes(StandardCharsets.UTF_16BE))).isNotBlank();
    }

    @Test
    void aReceiptWithNoBoundSessionWaitsForTheNextBind() throws Exception {
        smsc.answerWithin(Duration.ZERO);
        String id = submit(PHONE, (byte) 0, "七".getBytes(StandardCharsets.UTF_16BE));
        client.unbindAndClose();
        client = null;

        await().atMost(Duration.ofSeconds(5)).until(() -> smsc.waitingReceipts() == 1);
        client = bind(SimulatedSmsc.DEMO_PASSWORD);

        await().atMost(Duration.ofSeconds(5)).until(() -> receipts.size() == 1);
        assertThat(receipts.get(0)).startsWith("id:" + id + " ");
    }

    @Test
    void answersLateWhenSlow() throws Exception {
        smsc.answerWithin(Duration.ofMillis(600));
        long started = System.nanoTime();

        submit(PHONE, (byte) 0, "八".getBytes(StandardCharsets.UTF_16BE));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
}
