package org.hall24.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SmscInboxTest {

    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");
    private final SmscInbox inbox = new SmscInbox();

    private static ShortMessages.Decoded part(String text, int reference, int part, int total) {
        return new ShortMessages.Decoded(text, Optional.of(new ShortMessages.Concatenation(reference, part, total)));
    }

    private static ShortMessages.Decoded whole(String text) {
        return new ShortMessages.Decoded(text, Optional.empty());
    }

    @Test
    void partsArrivingOutOfOrderBecomeOneMessageWithTheLastPart() {
        assertThat(inbox.accept("1069", "13800138000", "B", part("二", 9, 2, 3), NOW, true)).isEmpty();
        assertThat(inbox.accept("1069", "13800138000", "C", part("三", 9, 3, 3), NOW, true)).isEmpty();
        assertThat(inbox.messages("13800138000")).isEmpty();
        assertThat(inbox.incomplete()).isEqualTo(1);

        PhoneMessage message = inbox.accept("1069", "13800138000", "A", part("一", 9, 1, 3), NOW, true).orElseThrow();

        assertThat(message.text()).isEqualTo("一二三");
        assertThat(message.messageIds()).containsExactly("A", "B", "C");
        assertThat(inbox.messages("13800138000")).containsExactly(message);
        assertThat(inbox.incomplete()).isZero();
    }

    @Test
    void interleavedMessagesAreKeptApartByReferenceAndBySender() {
        inbox.accept("1069", "13800138000", "1", part("甲1", 1, 1, 2), NOW, true);
        inbox.accept("1069", "13800138000", "2", part("乙1", 2, 1, 2), NOW, true);
        inbox.accept("1070", "13800138000", "3", part("丙1", 1, 1, 2), NOW, true);
        inbox.accept("1069", "13800138000", "4", part("乙2", 2, 2, 2), NOW, true);
        inbox.accept("1069", "13800138000", "5", part("甲2", 1, 2, 2), NOW, true);

        assertThat(inbox.messages("13800138000")).extracting(PhoneMessage::text).containsExactly("甲1甲2", "乙1乙2");
        assertThat(inbox.incomplete()).isEqualTo(1);
    }

    @Test
    void messagesAreNewestFirstAndPhonesLatestFirst() {
        inbox.accept("1069", "13800138000", "1", whole("first"), NOW, true);
        inbox.accept("1069", "13900139000", "2", whole("other"), NOW, true);
        inbox.accept("1069", "13800138000", "3", whole("second"), NOW.plusSeconds(1), true);

        assertThat(inbox.messages("13800138000")).extracting(PhoneMessage::text).containsExactly("second", "first");
        assertThat(inbox.phones()).containsExactly("13800138000", "13900139000");
    }

    @Test
    void anInboxKeepsTheLatestMessagesOnly() {
        for (int i = 0; i < SmscInbox.MESSAGES_PER_PHONE + 5; i++) {
            inbox.accept("1069", "13800138000", Integer.toString(i), whole("m" + i), NOW, true);
        }

        assertThat(inbox.messages("13800138000")).hasSize(SmscInbox.MESSAGES_PER_PHONE)
                .first().extracting(PhoneMessage::text).isEqualTo("m" + (SmscInbox.MESSAGES_PER_PHONE + 4));
    }

    @Test
    void theLeastRecentPhonesAreForgottenPastTheBound() {
        for (int i = 0; i <= SmscInbox.PHONES; i++) {
            inbox.accept("1069", String.format("138%08d", i), "id" + i, whole("x"), NOW, true);
        }

        assertThat(inbox.phones()).hasSize(SmscInbox.PHONES).doesNotContain("13800000000").contains("13800000001");
    }

    @Test
    void decodesUcs2WithAnEightOrSixteenBitReference() {
        byte[] body = "政务".getBytes(StandardCharsets.UTF_16BE);
        byte[] eight = concat(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01}, body);
        byte[] sixteen = concat(new byte[] {0x06, 0x08, 0x04, 0x01, 0x02, 0x03, 0x02}, body);

        assertThat(ShortMessages.decode((byte) 0x40, (byte) 0x08, eight))
                .isEqualTo(new ShortMessages.Decoded("政务", Optional.of(new ShortMessages.Concatenation(0x2A, 1, 2))));
        assertThat(ShortMessages.decode((byte) 0x40, (byte) 0x08, sixteen))
                .isEqualTo(new ShortMessages.Decoded("政务", Optional.of(new ShortMessages.Concatenation(0x0102, 2, 3))));
        assertThat(ShortMessages.decode((byte) 0x00, (byte) 0x08, body)).isEqualTo(new ShortMessages.Decoded("政务", Optional.empty()));
    }

    @Test
    void aTruncatedOrImpossibleHeaderIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ShortMessages.decode((byte) 0x40, (byte) 8, new byte[] {0x05, 0x00, 0x03}));
        assertThatIllegalArgumentException().isThrownBy(() -> ShortMessages.decode((byte) 0x40, (byte) 8, new byte[0]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ShortMessages.decode((byte) 0x40, (byte) 8, new byte[] {0x05, 0x00, 0x03, 0x01, 0x02, 0x03}));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
