package org.hall24.device;

import org.hall24.testing.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.commands.CommandLog;
import org.hall24.device.health.DeviceHealth;
import org.hall24.device.health.DeviceSnapshot;
import org.hall24.device.health.HealthHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform side of the device protocol against a real Mosquitto: devices here are Paho
 * clients speaking docs/device-protocol.md, the platform is the whole application.
 */
@Hall24IntegrationTest(properties = {
        "hall24.mqtt.embedded=false",
        "hall24.mqtt.platform-password=test",
        "hall24.devices.health-check-period=200ms",
        "hall24.devices.door-open-alert-after=1s",
})
@Import(DeviceGatewayMosquittoTest.Events.class)
class DeviceGatewayMosquittoTest {

    static Mosquitto broker;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        broker = Mosquitto.start();
        registry.add("hall24.mqtt.url", broker::url);
        registry.add("hall24.devices.gateway.client-id", () -> "hall24-platform-test-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @TestConfiguration
    static class Events {
        final List<Object> published = new CopyOnWriteArrayList<>();
        /** What a test does, by device code, when that device's door-opened event is published (synchronously). */
        final Map<String, Consumer<DoorOpened>> onDoorOpened = new ConcurrentHashMap<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().equals("org.hall24.device")) {
                published.add(event);
            }
        }

        @EventListener
        void on(DoorOpened event) {
            onDoorOpened.getOrDefault(event.deviceCode(), e -> {
            }).accept(event);
        }
    }

    @Autowired DeviceStatuses statuses;
    @Autowired DeviceHealth health;
    @Autowired HealthHistory history;
    @Autowired DeviceCommands commands;
    @Autowired CommandLog commandLog;
    @Autowired Events events;
    @Autowired MockMvc mvc;
    @Autowired MeterRegistry meters;

    double rejectedSoFar() {
        return meters.get("hall24.device.messages.rejected").counter().count();
    }

    static String doorOpened(String compartment) {
        return "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + UUID.randomUUID() + "\",\"compartment\":\"" + compartment + "\"}";
    }

    static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final String HALL = "JLP-YJP";

    TestDevice device(String code) throws Exception {
        return new TestDevice(broker.url(), HALL, code).connect();
    }

    /** Retries an assertion about what the platform recorded (events, history) for up to 3 s. */
    static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(assertion);
    }

    static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within %s", limit).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    @Test
    void telemetryShowsADeviceOnlineAndACutConnectionShowsItOfflineThenOnlineAgainOnReconnect() throws Exception {
        String code = "T-ONLINE-01";
        assertThat(statuses.statusOf(code)).isEqualTo(DeviceStatus.UNKNOWN);
        try (TestDevice device = device(code)) {
            device.telemetry("\"printer\":{\"state\":\"ok\",\"paper\":\"ok\"}");
            await(Duration.ofSeconds(5), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);

            device.cut();
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.OFFLINE);
            eventually(() -> assertThat(events.published).contains(new DeviceWentOffline(code, "connection-lost",
                    events.published.stream().filter(DeviceWentOffline.class::isInstance).map(DeviceWentOffline.class::cast)
                            .filter(e -> e.deviceCode().equals(code)).findFirst().orElseThrow().at())));
        }
        try (TestDevice again = device(code)) {
            again.online(10);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
        }
        eventually(() -> assertThat(history.of(code, 10)).extracting(HealthHistory.Change::status)
                .containsSubsequence(DeviceStatus.ONLINE, DeviceStatus.OFFLINE, DeviceStatus.ONLINE));
    }

    @Test
    void aDeviceWhoseTelemetryStopsIsOfflineAfterThreeIntervals() throws Exception {
        String code = "T-SILENT-01";
        try (TestDevice device = device(code)) {
            device.online(1);
            device.telemetry("\"faceCamera\":{\"state\":\"ok\"}");
            await(Duration.ofSeconds(5), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
            Instant silentSince = Instant.now();
            await(Duration.ofSeconds(5), () -> statuses.statusOf(code) == DeviceStatus.OFFLINE);
            assertThat(Duration.between(silentSince, Instant.now())).isGreaterThan(Duration.ofMillis(2500));
            eventually(() -> assertThat(events.published).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DeviceWentOffline.class,
                    off -> assertThat(off.deviceCode() + off.reason()).isEqualTo(code + "telemetry-timeout"))));

            device.telemetry("\"faceCamera\":{\"state\":\"ok\"}");
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
        }
    }

    @Test
    void malformedOversizedAndUnknownVersionMessagesAreRejectedAndTheNextValidOneIsProcessed() throws Exception {
        String code = "T-GARBAGE-01";
        double before = rejectedSoFar();
        try (TestDevice device = device(code)) {
            device.publish("telemetry", "this is not json", 1);
            device.publish("telemetry", new byte[20_000], 1);
            device.publish("status", "{\"v\":2,\"ts\":\"2026-11-28T09:00:00Z\",\"state\":\"online\"}", 1);
            device.publish("events/card-read", "{\"v\":1,\"ts\":\"2026-11-28T09:00:00Z\"}", 1);
            device.publish("events/whatever", "{\"v\":1}", 1);
            await(Duration.ofSeconds(3), () -> rejectedSoFar() >= before + 5);
            assertThat(statuses.statusOf(code)).isEqualTo(DeviceStatus.UNKNOWN);

            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
            assertThat(rejectedSoFar()).as("the five refused, the next accepted").isEqualTo(before + 5);
        }
    }

    @Test
    void paperOutIsAFaultWithAnAlertThatClearsWhenPaperIsBack() throws Exception {
        String code = "T-PAPER-01";
        try (TestDevice device = device(code)) {
            device.online(30);
            device.telemetry("\"printer\":{\"state\":\"ok\",\"paper\":\"out\"}");
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.FAULT);
            await(Duration.ofSeconds(3), () -> events.published.stream().anyMatch(e -> e instanceof DeviceAlertRaised a
                    && (a.deviceCode() + a.kind() + a.detail()).equals(code + "PAPER_OUTprinter")));
            assertThat(health.snapshot(code).orElseThrow().alerts()).singleElement()
                    .satisfies(a -> assertThat(a.kind()).isEqualTo(DeviceAlert.PAPER_OUT));

            device.telemetry("\"printer\":{\"state\":\"ok\",\"paper\":\"low\"}");
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
            await(Duration.ofSeconds(3), () -> events.published.stream().anyMatch(e -> e instanceof DeviceAlertCleared a
                    && (a.deviceCode() + a.kind()).equals(code + "PAPER_OUT")));
            assertThat(health.snapshot(code).orElseThrow().alerts()).singleElement()
                    .satisfies(a -> assertThat(a.kind()).isEqualTo(DeviceAlert.PAPER_LOW));
        }
    }

    @Test
    void aCabinetDoorLeftOpenAndADoorSensorFaultAreFaults() throws Exception {
        String code = "T-CAB-01";
        try (TestDevice device = device(code)) {
            device.online(30);
            device.publish("telemetry", "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"seq\":1,\"peripherals\":{\"locks\":{\"state\":\"ok\"},"
                    + "\"doorSensors\":{\"state\":\"ok\"}},\"compartments\":[{\"id\":\"B3\",\"door\":\"open\",\"occupied\":false}]}", 0);
            await(Duration.ofSeconds(1), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.FAULT);
            assertThat(health.snapshot(code).orElseThrow().alerts()).extracting(a -> a.kind() + "/" + a.detail())
                    .containsExactly("DOOR_LEFT_OPEN/B3");

            device.publish("events/door-closed", "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + UUID.randomUUID()
                    + "\",\"compartment\":\"B3\"}", 1);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);

            device.telemetry("\"locks\":{\"state\":\"ok\"},\"doorSensors\":{\"state\":\"fault\"}");
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.FAULT);
            assertThat(health.snapshot(code).orElseThrow().alerts()).extracting(a -> a.kind())
                    .containsExactly(DeviceAlert.DOOR_SENSOR_FAULT);
        }
    }

    @Test
    void aRepeatedDeviceEventIsPublishedOnceWithItsPersonalDataMasked() throws Exception {
        String code = "T-CARD-01";
        UUID id = UUID.randomUUID();
        String json = "{\"v\":1,\"ts\":\"2026-11-28T09:00:00Z\",\"id\":\"" + id + "\",\"card\":{\"name\":\"李四\",\"sex\":\"女\","
                + "\"ethnicity\":\"汉\",\"birthDate\":\"1991-02-03\",\"address\":\"重庆市\",\"idNumber\":\"50010719910203432X\","
                + "\"issuer\":\"重庆市公安局\",\"validFrom\":\"2020-01-01\",\"validTo\":\"长期\",\"photo\":\"/9j/AA==\"}}";
        try (TestDevice device = device(code)) {
            device.publish("events/card-read", json, 1);
            device.publish("events/card-read", json, 1);
            // The device's messages are handled in order: once its status after them is, so are both reads.
            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
        }
        List<CardRead> reads = events.published.stream().filter(CardRead.class::isInstance).map(CardRead.class::cast)
                .filter(c -> c.eventId().equals(id)).toList();
        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read.card().idNumber()).isEqualTo("50010719910203432X");
            assertThat(read.toString()).contains("5001**********432X").doesNotContain("50010719910203432X").doesNotContain("李四");
        });
    }

    @Test
    void aCommandRoundTripsAndIsRecorded() throws Exception {
        String code = "T-CMD-OK";
        try (TestDevice device = device(code)) {
            device.onCommand = command -> "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id(command) + "\",\"result\":\"ok\"}";
            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);

            CommandOutcome outcome = commands.send(code, DeviceCommand.lockScreen(), Duration.ofSeconds(3));

            assertThat(outcome.result()).isEqualTo(CommandOutcome.Result.OK);
            assertThat(outcome.attempts()).isEqualTo(1);
            CommandLog.Entry entry = commandLog.find(outcome.commandId());
            assertThat(entry.outcome()).isEqualTo("OK");
            assertThat(entry.type()).isEqualTo("lock-screen");
            assertThat(entry.repliedAt()).isNotNull();
            assertThat(entry.late()).isFalse();
        }
    }

    @Test
    void anIdempotentCommandIsResentAfterALostReplyAndANonIdempotentOneIsNot() throws Exception {
        String code = "T-CMD-RETRY";
        AtomicInteger received = new AtomicInteger();
        try (TestDevice device = device(code)) {
            device.onCommand = command -> received.incrementAndGet() == 1 ? null
                    : "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id(command) + "\",\"result\":\"ok\"}";
            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);

            CommandOutcome printed = commands.send(code, DeviceCommand.print("doc-1", new byte[] { '%', 'P', 'D', 'F' }),
                    Duration.ofSeconds(3));
            assertThat(printed.result()).isEqualTo(CommandOutcome.Result.OK);
            assertThat(printed.attempts()).isEqualTo(2);

            List<String> types = new CopyOnWriteArrayList<>();
            device.onCommand = command -> {
                types.add(command.contains("open-compartment") ? "open-compartment" : "other");
                return command.contains("open-compartment") ? null
                        : "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id(command) + "\",\"result\":\"ok\"}";
            };
            CommandOutcome opened = commands.send(code, DeviceCommand.openCompartment("B3"), Duration.ofMillis(1500));
            assertThat(opened.result()).isEqualTo(CommandOutcome.Result.TIMED_OUT);
            assertThat(opened.attempts()).isEqualTo(1);
            // Commands reach the device in the order sent: once a later one is answered, a resend would have arrived.
            assertThat(commands.send(code, DeviceCommand.lockScreen(), Duration.ofSeconds(3)).ok()).isTrue();
            assertThat(types).containsExactly("open-compartment", "other");
            eventually(() -> assertThat(commandLog.find(opened.commandId()).outcome()).isEqualTo("TIMED_OUT"));
        }
    }

    @Test
    void aCommandToAnOfflineOrUnknownDeviceFailsAtOnce() throws Exception {
        Instant start = Instant.now();
        CommandOutcome unknown = commands.send("T-NEVER-SEEN", DeviceCommand.reboot(), Duration.ofSeconds(10));
        assertThat(unknown.result()).isEqualTo(CommandOutcome.Result.OFFLINE);
        assertThat(unknown.message()).contains("never reported");

        String code = "T-CMD-OFF";
        try (TestDevice device = device(code)) {
            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
            device.cut();
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.OFFLINE);
        }
        Instant sent = Instant.now();
        CommandOutcome offline = commands.send(code, DeviceCommand.unlockScreen(), Duration.ofSeconds(10));
        assertThat(offline.result()).isEqualTo(CommandOutcome.Result.OFFLINE);
        assertThat(offline.message()).contains("offline");
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofMillis(500));
        eventually(() -> assertThat(commandLog.find(offline.commandId()).outcome()).isEqualTo("OFFLINE"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aReplyAfterTheTimeoutReplacesTimedOutInTheLogMarkedLateAndRaisesTheJammedDoorAlert() throws Exception {
        String code = "T-CMD-LATE";
        CountDownLatch answer = new CountDownLatch(1);
        try (TestDevice device = device(code)) {
            device.onCommand = command -> {
                hold(answer);
                return "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id(command)
                        + "\",\"result\":\"error\",\"code\":\"DOOR_JAMMED\",\"message\":\"B3 did not open\"}";
            };
            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);

            CommandOutcome outcome = commands.send(code, DeviceCommand.openCompartment("B3"), Duration.ofMillis(500));
            assertThat(outcome.result()).isEqualTo(CommandOutcome.Result.TIMED_OUT);
            answer.countDown();

            await(Duration.ofSeconds(3), () -> commandLog.find(outcome.commandId()).late());
            CommandLog.Entry entry = commandLog.find(outcome.commandId());
            assertThat(entry.outcome()).isEqualTo("ERROR");
            assertThat(entry.code()).isEqualTo("DOOR_JAMMED");
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.FAULT);
        }
    }

    @Test
    void aDeviceWhoseEventListenerIsSlowDelaysNoOtherDevice() throws Exception {
        String slow = "T-SLOW-01";
        String other = "T-OTHER-01";
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        events.onDoorOpened.put(slow, e -> {
            inListener.countDown();
            hold(release);
        });
        try (TestDevice stuck = device(slow); TestDevice fine = device(other)) {
            stuck.publish("events/door-opened", doorOpened("A1"), 1);
            assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();

            fine.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(other) == DeviceStatus.ONLINE);
            assertThat(release.getCount()).as("the slow listener still runs").isEqualTo(1);
        }
        finally {
            release.countDown();
            events.onDoorOpened.remove(slow);
        }
    }

    @Test
    void aDeviceEventsListenerCanReadTheDevicesHealthFromAnotherThreadWhileItRuns() throws Exception {
        String code = "T-READER-01";
        AtomicReference<DeviceSnapshot> read = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        events.onDoorOpened.put(code, e -> {
            Thread reader = new Thread(() -> {
                health.all();
                read.set(health.snapshot(code).orElse(null));
            });
            reader.start();
            try {
                reader.join(5000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        try (TestDevice device = device(code)) {
            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
            device.publish("events/door-opened", doorOpened("A1"), 1);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(read.get()).as("read while the listener ran").isNotNull()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(DeviceStatus.ONLINE));
        }
        finally {
            events.onDoorOpened.remove(code);
        }
    }

    @Test
    void aDeviceEventsListenerThatSendsTheDeviceACommandGetsItsReply() throws Exception {
        String code = "T-ASK-BACK-01";
        AtomicReference<CommandOutcome> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        events.onDoorOpened.put(code, e -> {
            outcome.set(commands.send(code, DeviceCommand.lockScreen(), Duration.ofSeconds(3)));
            done.countDown();
        });
        try (TestDevice device = device(code)) {
            device.onCommand = command -> "{\"v\":1,\"ts\":\"" + Instant.now() + "\",\"id\":\"" + id(command) + "\",\"result\":\"ok\"}";
            device.online(30);
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.ONLINE);
            device.publish("events/door-opened", doorOpened("A1"), 1);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(outcome.get().result()).isEqualTo(CommandOutcome.Result.OK);
        }
        finally {
            events.onDoorOpened.remove(code);
        }
    }

    @Test
    void theDeviceMonitorListsDevicesWithTheirAlertsAndShowsEachDevicesHistoryToAdminsOnly() throws Exception {
        String code = "T-MONITOR-01";
        try (TestDevice device = device(code)) {
            device.online(30);
            device.telemetry("\"printer\":{\"state\":\"ok\",\"paper\":\"out\"}");
            await(Duration.ofSeconds(3), () -> statuses.statusOf(code) == DeviceStatus.FAULT);
        }
        var admin = user("admin").roles("ADMIN");
        mvc.perform(get("/admin/devices").param("lang", "en").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"device-" + code + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Out of paper (printer)")));
        mvc.perform(get("/admin/devices").header("HX-Request", "true").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("<tbody id=\"device-rows\"")));
        mvc.perform(get("/admin/devices/" + code).param("lang", "en").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Alert raised")));
        mvc.perform(get("/admin/devices").with(user("clerk").roles("STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/devices"))
                .andExpect(status().is3xxRedirection());
    }

    static String id(String commandJson) {
        int at = commandJson.indexOf("\"id\":\"") + 6;
        return commandJson.substring(at, at + 36);
    }
}
