package org.hall24.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {

    @ParameterizedTest(name = "{0} characters → {1} SMS")
    @CsvSource({"0, 0", "1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "150, 3", "201, 3", "202, 4"})
    void countsUcs2Segments(int length, int segments) {
        String text = "政".repeat(length);
        assertThat(SmsSegments.count(text)).isEqualTo(segments);
        assertThat(String.join("", SmsSegments.split(text))).isEqualTo(text);
        assertThat(SmsSegments.split(text)).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(length <= 70 ? 70 : 67));
    }

    @ParameterizedTest(name = "a surrogate pair at unit {0} stays whole")
    @CsvSource({"66", "65", "67"})
    void neverCutsASurrogatePair(int before) {
        String text = "a".repeat(before) + "𠀀" + "b".repeat(80);
        assertThat(SmsSegments.split(text)).allSatisfy(part -> {
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
        });
        assertThat(String.join("", SmsSegments.split(text))).isEqualTo(text);
    }
}
