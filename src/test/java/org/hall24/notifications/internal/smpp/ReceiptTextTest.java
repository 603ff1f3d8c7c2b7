package org.hall24.notifications.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.hall24.notifications.DeliveryState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptTextTest {

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "id:0123456789 sub:001 dlvrd:001 submit date:2612041200 done date:2612041201 stat:DELIVRD err:000 text:您好 | DELIVRD | DELIVERED | DELIVRD err:000",
            "id:0123456789 sub:001 dlvrd:000 submit date:2612041200 done date:2612041201 stat:EXPIRED err:000 text: | EXPIRED | EXPIRED | EXPIRED err:000",
            "id:0123456789 sub:001 dlvrd:000 submit date:2612041200 done date:2612041201 stat:UNDELIV err:001 text: | UNDELIV | PERMANENT_FAILURE | UNDELIV err:001",
            "id:0123456789 sub:001 dlvrd:000 submit date:2612041200 done date:2612041201 stat:REJECTD err:0B1 | REJECTD | PERMANENT_FAILURE | REJECTD err:0B1",
            "id:0123456789 stat:DELETED | DELETED | PERMANENT_FAILURE | DELETED err:000",
            "ID:0123456789 SUB:001 DLVRD:001 SUBMIT DATE:2612041200 DONE DATE:2612041201 STAT:delivrd ERR:000 | DELIVRD | DELIVERED | DELIVRD err:000",
            "stat:DELIVRD err:000 id:0123456789 | DELIVRD | DELIVERED | DELIVRD err:000"})
    void readsTheIdAndMapsTheFinalStates(String text, String stat, DeliveryState state, String answer) {
        ReceiptText.Parsed parsed = ReceiptText.parse(text).orElseThrow();

        assertThat(parsed.id()).isEqualTo("0123456789");
        assertThat(parsed.stat()).isEqualTo(stat);
        assertThat(parsed.state()).contains(state);
        assertThat(parsed.answer()).isEqualTo(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCEPTD", "ENROUTE", "UNKNOWN", "SOMETHING"})
    void statesThatAreNotFinalAreNotRecorded(String stat) {
        assertThat(ReceiptText.parse("id:42 stat:" + stat + " err:000").orElseThrow().state()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hello", "id:42 sub:001", "id:42 stat:", "id:42 stat:<script> err:000", "\u0000\u0001\u0002"})
    void aTextWithoutAStatIsMalformed(String text) {
        assertThat(ReceiptText.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aReceiptWithoutAnIdLeavesItToTheTlv() {
        assertThat(ReceiptText.parse("stat:DELIVRD err:000").map(ReceiptText.Parsed::id)).isEqualTo(Optional.empty());
        assertThat(ReceiptText.parse("stat:DELIVRD err:000")).isPresent();
    }
}
