package org.hall24.notifications.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShortMessagePartsTest {

    @Test
    void aShortTextIsOneUcs2MessageWithoutAHeader() {
        List<byte[]> parts = ShortMessageParts.encode("您好", 7);

        assertThat(parts).singleElement().isEqualTo(new byte[] {0x60, (byte) 0xA8, 0x59, 0x7D});
    }

    @Test
    void aLongTextIsPartsWithOneReferenceAndTheirNumbers() {
        String text = "政".repeat(150);

        List<byte[]> parts = ShortMessageParts.encode(text, 0xAB);

        assertThat(parts).hasSize(3);
        for (int i = 0; i < 3; i++) {
            byte[] part = parts.get(i);
            assertThat(Arrays.copyOfRange(part, 0, 6)).as("UDH of part %d", i + 1)
                    .isEqualTo(new byte[] {0x05, 0x00, 0x03, (byte) 0xAB, 3, (byte) (i + 1)});
            assertThat(part.length).isLessThanOrEqualTo(140);
        }
        String joined = parts.stream().map(p -> new String(p, 6, p.length - 6, StandardCharsets.UTF_16BE)).reduce("", String::concat);
        assertThat(joined).isEqualTo(text);
        assertThat(parts.get(0)).hasSize(6 + 134);
    }
}
