package org.hall24.device.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The parser never throws and always answers parsed or rejected, whatever the bytes. Runs as a
 * regression test in the normal build; {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=PayloadParserFuzzTest}
 * fuzzes for real.
 */
class PayloadParserFuzzTest {

    static final String[] EVENT_TYPES = { "card-read", "face-checked", "document-captured", "fingerprint-captured",
            "door-opened", "door-closed", "compartment-occupancy", "unknown" };

    final PayloadParser parser = new PayloadParser();

    @FuzzTest(maxDuration = "30s")
    void parserNeverThrows(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 3);
        String type = data.pickValue(EVENT_TYPES);
        byte[] payload = data.consumeRemainingAsBytes();
        ParseResult<?> result = switch (kind) {
            case 0 -> parser.status(payload);
            case 1 -> parser.telemetry(payload);
            case 2 -> parser.reply(payload);
            default -> parser.event(type, payload);
        };
        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Rejected<?> rejected) {
            assertThat(rejected.reason()).isNotBlank();
        }
    }
}
