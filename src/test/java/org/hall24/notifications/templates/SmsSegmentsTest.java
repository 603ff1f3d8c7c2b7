package org.hall24.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsSegmentsTest {

    /** A character outside the BMP: two UTF-16 units (a surrogate pair). */
    private static final String PAIR = "𠀀";

    static Stream<Arguments> texts() {
        return Stream.of(
                // text, segments, the parts' lengths in UTF-16 units
                Arguments.of("empty", "", 0, List.of()),
                Arguments.of("1 char", chinese(1), 1, List.of(1)),
                Arguments.of("70 chars: still one segment", chinese(70), 1, List.of(70)),
                Arguments.of("71 chars: two parts", chinese(71), 2, List.of(67, 4)),
                Arguments.of("134 chars: two full parts", chinese(134), 2, List.of(67, 67)),
                Arguments.of("135 chars: a third part", chinese(135), 3, List.of(67, 67, 1)),
                Arguments.of("150 chars", chinese(150), 3, List.of(67, 67, 16)),
                Arguments.of("a pair across the 67th unit moves to the next part", chinese(66) + PAIR + chinese(10), 2, List.of(66, 12)),
                Arguments.of("a pair ending exactly at the 67th unit stays", chinese(65) + PAIR + chinese(10), 2, List.of(67, 10)),
                Arguments.of("a pair at the end of a 70-unit text: one segment", chinese(68) + PAIR, 1, List.of(70)),
                Arguments.of("a pair across the 134th unit", chinese(133) + PAIR + "x", 3, List.of(67, 66, 3)),
                Arguments.of("ASCII counts as UCS-2 too", "a".repeat(71), 2, List.of(67, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void countsAndSplitsInUcs2Segments(String name, String text, int segments, List<Integer> lengths) {
        List<String> parts = SmsSegments.split(text);

        assertThat(SmsSegments.count(text)).isEqualTo(segments);
        assertThat(parts).hasSize(segments);
        assertThat(parts.stream().map(String::length).toList()).isEqualTo(lengths);
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void neverCutsASurrogatePair(String name, String text, int segments, List<Integer> lengths) {
        for (String part : SmsSegments.split(text)) {
            assertThat(Character.isLowSurrogate(part.charAt(0))).as("part starts with a low surrogate").isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("part ends with a high surrogate").isFalse();
        }
    }

    @Test
    void aRealTemplateOfMoreThan70CharactersIsTwoSegments() {
        String text = "【九龙坡政务】您的验证码为123456，5分钟内有效。请勿将验证码告诉他人。如非本人操作，请忽略本短信。您在九龙坡区政务服务中心自助终端办理的业务将通过短信通知您。";
        assertThat(text.length()).isGreaterThan(70);
        assertThat(SmsSegments.count(text)).isEqualTo(2);
    }

    private static String chinese(int n) {
        return "政".repeat(n);
    }
}
