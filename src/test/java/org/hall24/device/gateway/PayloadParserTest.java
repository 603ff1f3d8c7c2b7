package org.hall24.device.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.hall24.device.CardRead;
import org.hall24.device.FaceChecked;
import org.hall24.device.gateway.ParseResult.Parsed;
import org.hall24.device.gateway.ParseResult.Rejected;
import org.hall24.device.gateway.Payload.Paper;
import org.hall24.device.gateway.Payload.PeripheralState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadParserTest {

    static final String TS = "2026-11-28T09:00:00Z";
    final PayloadParser parser = new PayloadParser();

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesAStatusWithItsInterval() {
        var result = parser.status(bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"state\":\"online\",\"firmware\":\"2.3.1\",\"interval\":5}"));
        assertThat(result).isInstanceOfSatisfying(Parsed.class, p -> {
            var status = (Payload.Status) p.payload();
            assertThat(status.online()).isTrue();
            assertThat(status.intervalSeconds()).isEqualTo(5);
        });
    }

    @Test
    void aStatusWithoutIntervalUsesTheDefault() {
        var result = parser.status(bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"state\":\"offline\",\"reason\":\"connection-lost\"}"));
        var status = ((Parsed<Payload.Status>) result).payload();
        assertThat(status.online()).isFalse();
        assertThat(status.reason()).isEqualTo("connection-lost");
        assertThat(status.intervalSeconds()).isEqualTo(10);
    }

    @Test
    void acceptsTheLastWillWhichHasNoTimestamp() {
        var result = parser.status(bytes("{\"v\":1,\"state\":\"offline\",\"reason\":\"connection-lost\"}"));
        var status = ((Parsed<Payload.Status>) result).payload();
        assertThat(status.online()).isFalse();
        assertThat(status.ts()).isNull();
    }

    @Test
    void parsesTelemetryWithPeripheralsAndCompartments() {
        var result = parser.telemetry(bytes("""
                {"v": 1, "ts": "2026-11-28T09:00:10Z", "seq": 42, "uptime": 3600,
                 "peripherals": {"printer": {"state": "ok", "paper": "low"}, "doorSensors": {"state": "fault"}},
                 "compartments": [{"id": "A1", "door": "open", "occupied": true}]}"""));
        var telemetry = ((Parsed<Payload.Telemetry>) result).payload();
        assertThat(telemetry.peripherals().get("printer").paper()).isEqualTo(Paper.LOW);
        assertThat(telemetry.peripherals().get("doorSensors").state()).isEqualTo(PeripheralState.FAULT);
        assertThat(telemetry.compartments()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("A1");
            assertThat(c.doorOpen()).isTrue();
            assertThat(c.occupied()).isTrue();
        });
    }

    @Test
    void parsesAnErrorReply() {
        UUID id = UUID.randomUUID();
        var result = parser.reply(bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"id\":\"" + id
                + "\",\"result\":\"error\",\"code\":\"DOOR_JAMMED\",\"message\":\"B3 did not open\"}"));
        var reply = ((Parsed<Payload.Reply>) result).payload();
        assertThat(reply.id()).isEqualTo(id);
        assertThat(reply.ok()).isFalse();
        assertThat(reply.code()).isEqualTo("DOOR_JAMMED");
    }

    @Test
    void aCardReadBecomesAModuleEventWhoseTextMasksPersonalData() {
        UUID id = UUID.randomUUID();
        String photo = Base64.getEncoder().encodeToString(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2, 3 });
        var result = parser.event("card-read", bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"id\":\"" + id + "\",\"card\":{"
                + "\"name\":\"张三\",\"sex\":\"男\",\"ethnicity\":\"汉\",\"birthDate\":\"1990-01-01\",\"address\":\"重庆市九龙坡区\","
                + "\"idNumber\":\"500107199001011234\",\"issuer\":\"重庆市公安局九龙坡分局\",\"validFrom\":\"2020-01-01\","
                + "\"validTo\":\"2040-01-01\",\"photo\":\"" + photo + "\"}}"));
        var event = ((Parsed<Payload.Event>) result).payload();
        var cardRead = (CardRead) event.toModuleEvent("JLP-YJP-POL-01");
        assertThat(cardRead.card().idNumber()).isEqualTo("500107199001011234");
        assertThat(cardRead.card().photo()).hasSize(5);
        assertThat(cardRead.toString()).contains("5001**********1234").contains("张*")
                .doesNotContain("500107199001011234").doesNotContain("张三").doesNotContain("九龙坡区").doesNotContain(photo);
    }

    @Test
    void aScannedCodeBecomesAModuleEventWhoseTextLeavesTheCodeOut() {
        UUID id = UUID.randomUUID();
        String token = "H24C1.k1.AAECAwQFBgcICQoLDA0ODwAAAABpKv5A.c2lnbmF0dXJl";
        var result = parser.event("code-scanned", bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"id\":\"" + id + "\",\"code\":\"" + token + "\"}"));
        var scanned = (org.hall24.device.CodeScanned) ((Parsed<Payload.Event>) result).payload().toModuleEvent("JLP-YJP-CAB-01");
        assertThat(scanned.code()).isEqualTo(token);
        assertThat(scanned.eventId()).isEqualTo(id);
        assertThat(scanned.toString()).doesNotContain(token).doesNotContain("c2lnbmF0dXJl").contains("JLP-YJP-CAB-01");
        assertThat(((Parsed<Payload.Event>) result).payload().toString()).doesNotContain(token);
        String longest = "A".repeat(512);
        assertThat(parser.event("code-scanned", bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"id\":\"" + id + "\",\"code\":\"" + longest + "\"}")))
                .isInstanceOf(Parsed.class);
        assertThat(parser.event("code-scanned", bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"id\":\"" + id + "\",\"code\":\"" + longest + "A\"}")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void aFaceReportCarriesTheNonceAndCardItWasMadeForAndItsTextLeavesTheCardOut() {
        UUID id = UUID.randomUUID();
        String cardHash = "426695a0efdb59b9eaedaf0b5ca3eddf013cc2a7f9e283437704ea605f421e6d";
        var result = parser.event("face-checked", bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"id\":\"" + id
                + "\",\"nonce\":\"0123456789abcdef0123456789abcdef\",\"cardHash\":\"" + cardHash
                + "\",\"score\":0.93,\"liveness\":true,\"signature\":\"c2lnbmF0dXJl\"}"));
        var event = ((Parsed<Payload.Event>) result).payload();
        var report = (FaceChecked) event.toModuleEvent("JLP-YJP-POL-01");
        assertThat(report.eventId()).isEqualTo(id);
        assertThat(report.nonce()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(report.cardHash()).isEqualTo(cardHash);
        assertThat(report.score()).isEqualTo(0.93);
        assertThat(report.liveness()).isTrue();
        assertThat(report.signature()).isEqualTo("c2lnbmF0dXJl");
        assertThat(report.toString()).doesNotContain(cardHash).doesNotContain("c2lnbmF0dXJl");
        assertThat(event.toString()).doesNotContain(cardHash);
    }

    @Test
    void aFaceReportWithoutSignatureIsParsedAsUnsignedSoThePlatformRefusesAndAuditsIt() {
        var result = parser.event("face-checked", bytes("{\"v\":1,\"ts\":\"" + TS + "\",\"id\":\"" + UUID.randomUUID()
                + "\",\"nonce\":\"0123456789abcdef0123456789abcdef\",\"cardHash\":\"" + "b".repeat(64)
                + "\",\"score\":0.93,\"liveness\":true}"));
        var report = (FaceChecked) ((Parsed<Payload.Event>) result).payload().toModuleEvent("JLP-YJP-POL-01");
        assertThat(report.signature()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} is rejected: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            status    | -            | not json at all                                                     | not JSON
            status    | -            | [1,2,3]                                                             | not a JSON object
            status    | -            | {"ts":"2026-11-28T09:00:00Z","state":"online"}                       | missing field v
            status    | -            | {"v":2,"ts":"2026-11-28T09:00:00Z","state":"online"}                 | unknown version
            status    | -            | {"v":"1","ts":"2026-11-28T09:00:00Z","state":"online"}               | unknown version
            status    | -            | {"v":1.5,"ts":"2026-11-28T09:00:00Z","state":"online"}               | unknown version
            status    | -            | {"v":1,"state":"online"}                                            | missing field ts
            status    | -            | {"v":1,"ts":"2026-11-28T09:00:00Z"}                                 | missing field state
            status    | -            | {"v":1,"ts":"yesterday","state":"online"}                           | field ts is not an ISO-8601 instant
            status    | -            | {"v":1,"ts":"2026-11-28T09:00:00Z","state":"sleepy"}                 | field state is neither online nor offline
            status    | -            | {"v":1,"ts":"2026-11-28T09:00:00Z","state":"online","interval":0}    | field interval is out of range
            status    | -            | {"v":1,"v":1,"ts":"2026-11-28T09:00:00Z","state":"online"}           | not JSON
            telemetry | -            | {"v":1,"ts":"2026-11-28T09:00:00Z","seq":1}                          | missing field peripherals
            telemetry | -            | {"v":1,"ts":"2026-11-28T09:00:00Z","seq":1,"peripherals":{"printer":{"state":"broken"}}} | field state has an unknown value
            telemetry | -            | {"v":1,"ts":"2026-11-28T09:00:00Z","seq":"1","peripherals":{}}       | field seq is not an integer
            reply     | -            | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"nope","result":"ok"}        | field id is not a UUID
            reply     | -            | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","result":"error"} | missing field code
            event     | door-opened  | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f"} | missing field compartment
            event     | door-exploded| {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f"} | unknown event type
            event     | face-checked | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","nonce":"0123456789abcdef0123456789abcdef","cardHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","score":1.5,"liveness":true,"signature":"s"} | field score is out of range
            event     | face-checked | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","cardHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","score":0.9,"liveness":true,"signature":"s"} | missing field nonce
            event     | face-checked | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","nonce":"short","cardHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","score":0.9,"liveness":true,"signature":"s"} | field nonce is not a session nonce
            event     | face-checked | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","nonce":"0123456789abcdef0123456789abcdef","score":0.9,"liveness":true,"signature":"s"} | missing field cardHash
            event     | face-checked | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","nonce":"0123456789abcdef0123456789abcdef","cardHash":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","score":0.9,"liveness":true,"signature":"s"} | field cardHash is not 64 lower-case hex digits
            event     | face-checked | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","nonce":"0123456789abcdef0123456789abcdef","cardHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","score":0.9,"liveness":true,"signature":7} | field signature is not a string
            event     | card-read    | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","card":{"idNumber":"123"}} | field card.idNumber is not an 18-character ID number
            event     | code-scanned | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f"} | missing field code
            event     | code-scanned | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","code":""} | field code is not 1 to 512 printable ASCII characters
            event     | code-scanned | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","code":"12 34"} | field code is not 1 to 512 printable ASCII characters
            event     | code-scanned | {"v":1,"ts":"2026-11-28T09:00:00Z","id":"5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f","code":"取件码"} | field code is not 1 to 512 printable ASCII characters
            """)
    void rejectsMalformedPayloadsWithAReasonThatDoesNotQuoteThem(String kind, String type, String json, String reason) {
        ParseResult<?> result = parse(kind, type, bytes(json));
        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    @Test
    void rejectsOversizedPayloadsBeforeParsing() {
        String padding = "x".repeat(PayloadParser.SMALL_LIMIT);
        var result = parser.telemetry(bytes("{\"v\":1,\"pad\":\"" + padding + "\"}"));
        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).startsWith("payload of").contains("exceeds the limit of 16384"));
        byte[] hugeEvent = new byte[PayloadParser.EVENT_LIMIT + 1];
        assertThat(parser.event("card-read", hugeEvent)).isInstanceOf(Rejected.class);
    }

    @Test
    void rejectsEmptyAndNonUtf8AndDeeplyNestedPayloads() {
        assertThat(parser.status(new byte[0])).isInstanceOf(Rejected.class);
        assertThat(parser.status(new byte[] { (byte) 0xC3, (byte) 0x28, '{' })).isInstanceOf(Rejected.class);
        assertThat(parser.status(bytes("[".repeat(10_000)))).isInstanceOf(Rejected.class);
        assertThat(parser.status(bytes("{\"v\":1,\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"))).isInstanceOf(Rejected.class);
    }

    private ParseResult<?> parse(String kind, String type, byte[] payload) {
        return switch (kind) {
            case "status" -> parser.status(payload);
            case "telemetry" -> parser.telemetry(payload);
            case "reply" -> parser.reply(payload);
            default -> parser.event(type, payload);
        };
    }
}
