package org.hall24.simulator;

import org.hall24.testing.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The seed hall simulated against a real Mosquitto, with a Paho client as the platform: what the
 * devices publish and how they answer commands and play faults, on the wire.
 */
class HallSimulatorTest {

    static final String HALL = "JLP-YJP";
    static final String CABINET = "JLP-YJP-CAB-01";
    static final Duration WAIT = Duration.ofSeconds(5);

    static Mosquitto mosquitto;
    static HallSimulator simulator;
    static Platform platform;
    static List<DeviceFiles.HallDevice> seed;

    @BeforeAll
    static void startHall() throws Exception {
        mosquitto = Mosquitto.start();
        seed = DeviceFiles.readHalls(Path.of("src/main/resources/halls/jiulongpo-yangjiaping.yaml"));
        Map<String, String> credentials = new LinkedHashMap<>();
        seed.forEach(d -> credentials.put(d.code(), "secret-" + d.code()));
        SimulatorSettings settings = SimulatorSettings.of(mosquitto.url())
                .withInterval(Duration.ofSeconds(1))
                .withDoorClosesAfter(Duration.ofMillis(300))
                .withStartJitter(Duration.ofMillis(200));
        simulator = new HallSimulator(settings, DeviceFiles.devices(credentials, seed, Integer.MAX_VALUE));
        simulator.start();
        assertThat(simulator.awaitConnected(Duration.ofSeconds(15))).as("all devices connected").isTrue();
        platform = new Platform(mosquitto.url());
    }

    @AfterAll
    static void stopHall() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    static String topic(String device, String suffix) {
        return "hall24/" + HALL + "/" + device + "/" + suffix;
    }

    @Test
    void everyDeviceOfTheSeedHallConnectsAndPublishesRetainedOnlineStatusAndTelemetry() throws Exception {
        assertThat(seed).hasSize(13);
        for (DeviceFiles.HallDevice d : seed) {
            JsonNode status = platform.await(topic(d.code(), "status"),
                    r -> r.retained() && "online".equals(r.json().path("state").asString("")), WAIT).json();
            assertThat(status.path("v").asInt()).isEqualTo(1);
            assertThat(status.path("interval").asInt()).isEqualTo(1);
            assertThat(Instant.parse(status.path("ts").asString())).isBefore(Instant.now().plusSeconds(1));

            JsonNode telemetry = platform.await(topic(d.code(), "telemetry"), r -> true, WAIT).json();
            assertThat(telemetry.path("seq").asLong()).isPositive();
            Set<String> peripherals = telemetry.path("peripherals").propertyNames().stream().collect(Collectors.toSet());
            switch (d.type()) {
                case "FILE_CABINET" -> {
                    assertThat(peripherals).containsExactlyInAnyOrder("locks", "doorSensors");
                    assertThat(telemetry.path("compartments").size()).isEqualTo(24);
                    assertThat(telemetry.path("compartments").get(0).path("id").asString()).isEqualTo("A1");
                    assertThat(telemetry.path("compartments").get(23).path("id").asString()).isEqualTo("F4");
                    assertThat(telemetry.path("compartments").get(0).path("door").asString()).isEqualTo("closed");
                }
                case "QUERY_KIOSK" -> assertThat(peripherals).containsExactlyInAnyOrder("printer", "idCardReader");
                default -> {
                    assertThat(peripherals).containsExactlyInAnyOrder("idCardReader", "faceCamera", "documentCamera",
                            "fingerprintReader", "printer");
                    assertThat(telemetry.path("peripherals").path("printer").path("paper").asString()).isEqualTo("ok");
                }
            }
        }
    }

    @Test
    void theLastWillSaysOfflineWhenADeviceDropsOffAbruptlyAndItSaysOnlineWhenItComesBack() throws Exception {
        String device = "JLP-YJP-GOV-02";
        Instant before = Instant.now();
        simulator.device(device).goOffline();

        JsonNode will = platform.await(topic(device, "status"),
                r -> r.at().isAfter(before) && "offline".equals(r.json().path("state").asString("")), WAIT).json();
        assertThat(will.path("reason").asString()).isEqualTo("connection-lost");
        assertThat(simulator.device(device).isConnected()).isFalse();

        Instant back = Instant.now();
        simulator.device(device).comeBack();
        platform.await(topic(device, "status"),
                r -> r.at().isAfter(back) && "online".equals(r.json().path("state").asString("")), WAIT);
    }

    @Test
    void aPrintIsAnsweredOkAndARepeatedCommandIdGetsTheSameReplyAndPrintsOnce() throws Exception {
        String device = "JLP-YJP-POL-01";
        int sheets = simulator.device(device).paperSheets();
        String id = platform.command(HALL, device, "print", "{\"documentId\":\"r-1\",\"format\":\"application/pdf\",\"content\":\"JVBERi0=\"}", WAIT);
        JsonNode first = platform.reply(HALL, device, id, WAIT);
        assertThat(first.path("result").asString()).isEqualTo("ok");

        platform.commandWithId(HALL, device, id, "print", "{\"documentId\":\"r-1\",\"format\":\"application/pdf\",\"content\":\"JVBERi0=\"}", WAIT);
        platform.await(topic(device, "replies"),
                r -> platform.on(topic(device, "replies")).stream().filter(x -> x.text().contains(id)).count() == 2, WAIT);
        List<String> replies = platform.on(topic(device, "replies")).stream().filter(r -> r.text().contains(id))
                .map(Platform.Received::text).toList();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(simulator.device(device).paperSheets()).isEqualTo(sheets - 1);
    }

    static byte[] onePagePdf(String text) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.getDocumentInformation().setTitle(text);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static String printArgs(String documentId, String base64) {
        return "{\"documentId\":\"" + documentId + "\",\"format\":\"application/pdf\",\"content\":\"" + base64 + "\"}";
    }

    @Test
    void aPrintedPdfIsKeptByteIdenticalWithItsIdsAndPageCount() throws Exception {
        String device = "JLP-YJP-POL-04";
        byte[] pdf = onePagePdf("receipt r-kept");
        String id = platform.command(HALL, device, "print", printArgs("r-kept", Base64.getEncoder().encodeToString(pdf)), WAIT);
        assertThat(platform.reply(HALL, device, id, WAIT).path("result").asString()).isEqualTo("ok");

        PrintedDocument kept = simulator.device(device).printed("r-kept").orElseThrow();
        assertThat(kept.content()).isEqualTo(pdf);
        assertThat(kept.commandId()).isEqualTo(id);
        assertThat(kept.format()).isEqualTo("application/pdf");
        assertThat(kept.pages()).isEqualTo(1);
        assertThat(kept.printedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(simulator.device(device).printed().get(0)).isEqualTo(kept);
    }

    @Test
    void contentThatIsNotBase64OrNotAPdfIsAnsweredInvalidArgsAndNothingIsKept() throws Exception {
        String device = "JLP-YJP-TAX-01";
        int sheets = simulator.device(device).paperSheets();
        int kept = simulator.device(device).printed().size();
        for (String content : List.of("***not base64***", Base64.getEncoder().encodeToString("<html>not a pdf</html>".getBytes()))) {
            String id = platform.command(HALL, device, "print", printArgs("r-bad", content), WAIT);
            JsonNode reply = platform.reply(HALL, device, id, WAIT);
            assertThat(reply.path("result").asString()).isEqualTo("error");
            assertThat(reply.path("code").asString()).as(content).isEqualTo("INVALID_ARGS");
        }
        assertThat(simulator.device(device).printed()).hasSize(kept);
        assertThat(simulator.device(device).printed("r-bad")).isEmpty();
        assertThat(simulator.device(device).paperSheets()).isEqualTo(sheets);
    }

    @Test
    void aKioskKeepsOnlyItsLastTwentyPrintsNewestFirst() throws Exception {
        String device = "JLP-YJP-TAX-02";
        String content = Base64.getEncoder().encodeToString(onePagePdf("many"));
        for (int i = 1; i <= SimulatedDevice.KEPT_PRINTS + 3; i++) {
            String id = platform.command(HALL, device, "print", printArgs("many-" + i, content), WAIT);
            assertThat(platform.reply(HALL, device, id, WAIT).path("result").asString()).isEqualTo("ok");
        }
        List<PrintedDocument> printed = simulator.device(device).printed();
        assertThat(printed).hasSize(SimulatedDevice.KEPT_PRINTS);
        assertThat(printed.get(0).documentId()).isEqualTo("many-" + (SimulatedDevice.KEPT_PRINTS + 3));
        assertThat(printed.get(printed.size() - 1).documentId()).isEqualTo("many-4");
        assertThat(simulator.device(device).printed("many-3")).isEmpty();
    }

    @Test
    void aPrintWhenThePaperIsOutIsAnsweredPaperOutAndTheTelemetrySaysOut() throws Exception {
        String device = "JLP-YJP-POL-02";
        simulator.device(device).paperOut();
        try {
            String id = platform.command(HALL, device, "print", "{\"documentId\":\"r-2\",\"format\":\"application/pdf\",\"content\":\"JVBERi0=\"}", WAIT);
            JsonNode reply = platform.reply(HALL, device, id, WAIT);
            assertThat(reply.path("result").asString()).isEqualTo("error");
            assertThat(reply.path("code").asString()).isEqualTo("PAPER_OUT");
            platform.await(topic(device, "telemetry"),
                    r -> "out".equals(r.json().path("peripherals").path("printer").path("paper").asString("")), WAIT);
        }
        finally {
            simulator.device(device).refillPaper();
        }
    }

    @Test
    void openingACompartmentEmitsDoorOpenedAndAnOkReplyThenDoorClosedAndOccupancy() throws Exception {
        String id = platform.command(HALL, CABINET, "open-compartment", "{\"compartment\":\"B3\"}", WAIT);
        assertThat(platform.reply(HALL, CABINET, id, WAIT).path("result").asString()).isEqualTo("ok");

        Platform.Received opened = platform.await(topic(CABINET, "events/door-opened"),
                r -> "B3".equals(r.json().path("compartment").asString("")), WAIT);
        Platform.Received closed = platform.await(topic(CABINET, "events/door-closed"),
                r -> "B3".equals(r.json().path("compartment").asString("")), WAIT);
        JsonNode occupancy = platform.await(topic(CABINET, "events/compartment-occupancy"),
                r -> "B3".equals(r.json().path("compartment").asString("")), WAIT).json();
        assertThat(closed.at()).isAfterOrEqualTo(opened.at());
        assertThat(opened.json().path("id").asString()).isNotEqualTo(closed.json().path("id").asString());
        assertThat(occupancy.path("occupied").asBoolean()).isTrue();
    }

    @Test
    void aJammedDoorIsAnsweredDoorJammedAndAnUnknownCompartmentNoSuchCompartment() throws Exception {
        simulator.device(CABINET).jamDoor("C1");
        String jammed = platform.command(HALL, CABINET, "open-compartment", "{\"compartment\":\"C1\"}", WAIT);
        String unknown = platform.command(HALL, CABINET, "open-compartment", "{\"compartment\":\"Z9\"}", WAIT);

        assertThat(platform.reply(HALL, CABINET, jammed, WAIT).path("code").asString()).isEqualTo("DOOR_JAMMED");
        assertThat(platform.reply(HALL, CABINET, unknown, WAIT).path("code").asString()).isEqualTo("NO_SUCH_COMPARTMENT");
        assertThat(platform.on(topic(CABINET, "events/door-opened"))).noneMatch(r -> r.text().contains("\"C1\""));
    }

    @Test
    void aDoorLeftOpenNeverCloses() throws Exception {
        simulator.device(CABINET).leaveDoorOpen("D2");
        String id = platform.command(HALL, CABINET, "open-compartment", "{\"compartment\":\"D2\"}", WAIT);
        assertThat(platform.reply(HALL, CABINET, id, WAIT).path("result").asString()).isEqualTo("ok");
        platform.await(topic(CABINET, "telemetry"), r -> r.text().contains("{\"id\":\"D2\",\"door\":\"open\""), WAIT);

        // A door opened after D2 closes by itself (after doorClosesAfter): by then D2 would have closed too.
        String next = platform.command(HALL, CABINET, "open-compartment", "{\"compartment\":\"D3\"}", WAIT);
        assertThat(platform.reply(HALL, CABINET, next, WAIT).path("result").asString()).isEqualTo("ok");
        platform.await(topic(CABINET, "events/door-closed"), r -> "D3".equals(r.json().path("compartment").asString("")), WAIT);

        assertThat(platform.on(topic(CABINET, "events/door-closed"))).noneMatch(r -> r.text().contains("\"D2\""));
        assertThat(simulator.device(CABINET).openDoors()).contains("D2").doesNotContain("D3");
    }

    @Test
    void aCardReadCarriesATestIdentityWithAValidGb11643NumberAndAJpegPhoto() throws Exception {
        String device = "JLP-YJP-TAX-01";
        TestIdentity identity = simulator.device(device).readCard();

        JsonNode event = platform.await(topic(device, "events/card-read"),
                r -> identity.idNumber().equals(r.json().path("card").path("idNumber").asString("")), WAIT).json();
        assertThat(event.path("v").asInt()).isEqualTo(1);
        assertThat(event.path("id").asString()).isNotBlank();
        JsonNode card = event.path("card");
        String number = card.path("idNumber").asString();
        assertThat(TestIdentities.hasValidCheckCharacter(number)).isTrue();
        assertThat(number).startsWith("500");
        assertThat(number.substring(6, 14)).isEqualTo(card.path("birthDate").asString().replace("-", ""));
        assertThat(card.path("address").asString()).endsWith("（测试数据）");
        assertThat(card.path("testData").asBoolean()).isTrue();
        byte[] photo = Base64.getDecoder().decode(card.path("photo").asString());
        assertThat(photo[0]).isEqualTo((byte) 0xFF);
        assertThat(photo[1]).isEqualTo((byte) 0xD8);
    }

    @Test
    void documentFingerprintAndFaceEventsArePublishedOnDemand() throws Exception {
        String device = "JLP-YJP-HRSS-01";
        String document = simulator.device(device).captureDocument();
        String fingerprint = simulator.device(device).captureFingerprint();
        TestIdentity card = simulator.device(device).readCard();
        String cardHash = SimulatedFaceModule.cardHash(card.idNumber());
        String nonce = "0123456789abcdef0123456789abcdef";
        String faceCheck = platform.command(HALL, device, "face-check",
                "{\"nonce\":\"" + nonce + "\",\"cardHash\":\"" + cardHash + "\"}", WAIT);
        assertThat(platform.reply(HALL, device, faceCheck, WAIT).path("result").asString()).isEqualTo("ok");
        String face = simulator.device(device).faceChecked(0.93, true);

        JsonNode page = platform.await(topic(device, "events/document-captured"),
                r -> document.equals(r.json().path("id").asString("")), WAIT).json();
        assertThat(page.path("format").asString()).isEqualTo("image/jpeg");
        assertThat(Base64.getDecoder().decode(page.path("image").asString())[0]).isEqualTo((byte) 0xFF);
        assertThat(platform.await(topic(device, "events/fingerprint-captured"),
                r -> fingerprint.equals(r.json().path("id").asString("")), WAIT).json().path("quality").asInt()).isBetween(0, 100);
        JsonNode faceReport = platform.await(topic(device, "events/face-checked"),
                r -> face.equals(r.json().path("id").asString("")), WAIT).json();
        assertThat(faceReport.path("score").asDouble()).isEqualTo(0.93);
        assertThat(faceReport.path("nonce").asString()).isEqualTo(nonce);
        assertThat(faceReport.path("cardHash").asString()).isEqualTo(cardHash).matches("[0-9a-f]{64}");
        assertThat(faceReport.path("signature").asString())
                .as("HMAC-SHA-256 under the face report key, over face-checked|device|id|nonce|cardHash|score|liveness")
                .isEqualTo(SimulatedFaceModule.signature(simulator.settings().faceReportKey(), device, face, nonce, cardHash, 0.93, true));
    }

    @Test
    void theFaceModuleSignsOnlyWithTheNonceSentForTheCardOnItsReader() throws Exception {
        String device = "JLP-YJP-GOV-01";
        String nonce = "fedcba9876543210fedcba9876543210";
        String beforeAnyCard = platform.command(HALL, device, "face-check",
                "{\"nonce\":\"" + nonce + "\",\"cardHash\":\"" + "0".repeat(64) + "\"}", WAIT);
        assertThat(platform.reply(HALL, device, beforeAnyCard, WAIT).path("code").asString()).isEqualTo("INVALID_ARGS");
        assertThat(catchThrowable(() -> simulator.device(device).faceChecked(0.9, true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no card");

        TestIdentity card = simulator.device(device).readCard();
        String otherCard = platform.command(HALL, device, "face-check",
                "{\"nonce\":\"" + nonce + "\",\"cardHash\":\"" + SimulatedFaceModule.cardHash("500107199001011234") + "\"}", WAIT);
        JsonNode refused = platform.reply(HALL, device, otherCard, WAIT);
        assertThat(refused.path("result").asString()).isEqualTo("error");
        assertThat(refused.path("code").asString()).isEqualTo("INVALID_ARGS");
        String mine = "00000000000000001111111111111111";
        String forThisCard = platform.command(HALL, device, "face-check",
                "{\"nonce\":\"" + mine + "\",\"cardHash\":\"" + SimulatedFaceModule.cardHash(card.idNumber()) + "\"}", WAIT);
        assertThat(platform.reply(HALL, device, forThisCard, WAIT).path("result").asString()).isEqualTo("ok");

        String face = simulator.device(device).faceChecked(0.9, true);
        assertThat(platform.await(topic(device, "events/face-checked"), r -> face.equals(r.json().path("id").asString("")), WAIT)
                .json().path("nonce").asString()).isEqualTo(mine);

        String query = platform.command(HALL, "JLP-YJP-QRY-01", "face-check",
                "{\"nonce\":\"" + mine + "\",\"cardHash\":\"" + "0".repeat(64) + "\"}", WAIT);
        assertThat(platform.reply(HALL, "JLP-YJP-QRY-01", query, WAIT).path("code").asString())
                .as("the query kiosk has no face camera").isEqualTo("UNKNOWN_COMMAND");
    }

    @Test
    void theMalformedPayloadFaultReallySendsSomethingThatIsNotJson() throws Exception {
        String device = "JLP-YJP-RE-01";
        Instant before = Instant.now();
        simulator.device(device).sendMalformed(MalformedKind.NOT_JSON);
        simulator.device(device).sendMalformed(MalformedKind.OVERSIZED);

        Platform.Received notJson = platform.await(topic(device, "telemetry"),
                r -> r.at().isAfter(before) && !r.text().startsWith("{"), WAIT);
        assertThat(notJson.text()).isEqualTo("this is not JSON {");
        platform.await(topic(device, "telemetry"), r -> r.payload().length > SimulatedDevice.TELEMETRY_LIMIT, WAIT);
    }

    @Test
    void slowRepliesDelayTheReplyByTheGivenTime() throws Exception {
        String device = "JLP-YJP-POL-03";
        simulator.device(device).slowReplies(Duration.ofMillis(1_500));
        try {
            Instant sent = Instant.now();
            String id = platform.command(HALL, device, "lock-screen", "{}", WAIT);
            platform.reply(HALL, device, id, WAIT);
            Platform.Received reply = platform.on(topic(device, "replies")).stream().filter(r -> r.text().contains(id)).findFirst().orElseThrow();
            assertThat(Duration.between(sent, reply.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1_400));
        }
        finally {
            simulator.device(device).slowReplies(Duration.ZERO);
        }
    }

    @Test
    void aCommandPastItsDeadlineIsIgnoredAndAnUnknownOneIsAnsweredUnknownCommand() throws Exception {
        String device = "JLP-YJP-POL-04";
        String late = platform.command(HALL, device, "print", "{\"content\":\"JVBERi0=\"}", Duration.ofSeconds(-1));
        String unknown = platform.command(HALL, device, "make-coffee", "{}", WAIT);

        // A device handles its commands one after the other and answers each before the next:
        // once the later command's reply is here, a reply to the earlier one would be too.
        assertThat(platform.reply(HALL, device, unknown, WAIT).path("code").asString()).isEqualTo("UNKNOWN_COMMAND");
        assertThat(platform.on(topic(device, "replies"))).noneMatch(r -> r.text().contains(late));
    }

    @Test
    void aPeripheralFaultShowsInTheTelemetry() throws Exception {
        String device = "JLP-YJP-QRY-01";
        simulator.device(device).peripheralFault("idCardReader");
        try {
            platform.await(topic(device, "telemetry"),
                    r -> "fault".equals(r.json().path("peripherals").path("idCardReader").path("state").asString("")), WAIT);
        }
        finally {
            simulator.device(device).clearFaults();
        }
    }

    @Test
    void aRebootIsAnsweredOkThenTheDeviceSaysOfflineForMaintenanceAndComesBackOnline() throws Exception {
        String device = "JLP-YJP-POL-05";
        Instant sent = Instant.now();
        String id = platform.command(HALL, device, "reboot", "{}", WAIT);

        assertThat(platform.reply(HALL, device, id, WAIT).path("result").asString()).isEqualTo("ok");
        Platform.Received down = platform.await(topic(device, "status"),
                r -> r.at().isAfter(sent) && "maintenance".equals(r.json().path("reason").asString("")), WAIT);
        platform.await(topic(device, "status"),
                r -> r.at().isAfter(down.at()) && "online".equals(r.json().path("state").asString("")), WAIT);
    }
}
