package org.hall24.device.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.CommandOutcome;
import org.hall24.device.CommandOutcome.Result;
import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceStatus;
import org.hall24.device.gateway.CommandChannel;
import org.hall24.device.gateway.DeviceTopic;
import org.hall24.device.gateway.Payload;
import org.hall24.device.health.DeviceHealth;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a reply meets the deadline, deterministically: the device here is a fake channel whose
 * answers the test delivers at chosen readings of the command service's clock (the deadline is
 * the clock's), the command log and device health are the application's own, on PostgreSQL.
 */
@Hall24IntegrationTest
class CommandServiceTest {

    static final String HALL = "JLP-YJP";
    static final Duration TIMEOUT = Duration.ofMillis(200);

    @Autowired DeviceHealth health;
    @Autowired JdbcClient jdbc;

    final DeviceClock clock = new DeviceClock(Instant.now());
    final FakeDevice channel = new FakeDevice();
    CommandLog log;
    CommandService service;
    String device;

    @BeforeEach
    void setUp() {
        log = new CommandLog(jdbc);
        service = new CommandService(channel, health, log, clock);
        device = "T-CS-" + UUID.randomUUID().toString().substring(0, 8);
        health.status(new DeviceTopic(HALL, device, DeviceTopic.Kind.STATUS, null),
                new Payload.Status(Instant.now(), true, null, "1.0", 3600));
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.ONLINE);
    }

    DeviceTopic replies() {
        return new DeviceTopic(HALL, device, DeviceTopic.Kind.REPLY, null);
    }

    static Payload.Reply ok(UUID id) {
        return new Payload.Reply(Instant.now(), id, true, null, null);
    }

    static Payload.Reply jammed(UUID id) {
        return new Payload.Reply(Instant.now(), id, false, "DOOR_JAMMED", "B3 did not open");
    }

    @Test
    void aReplyArrivingAsTheClockReachesTheDeadlineIsTheOutcomeNotTimedOut() {
        channel.onPublish = id -> clock.atNextReadings(() -> {
            clock.advance(TIMEOUT);
            service.reply(replies(), ok(id));
        });

        CommandOutcome outcome = service.send(device, DeviceCommand.openCompartment("B3"), TIMEOUT);

        assertThat(outcome.result()).isEqualTo(Result.OK);
        assertThat(log.find(outcome.commandId()).outcome()).isEqualTo("OK");
        assertThat(log.find(outcome.commandId()).late()).isFalse();
    }

    @Test
    void aNonIdempotentCommandStillWaitingAfterItsFirstWaitTakesTheReplyThatComesThen() {
        channel.onPublish = id -> clock.atNextReadings(() -> {
            clock.advance(TIMEOUT.dividedBy(2));
            service.reply(replies(), ok(id));
        }, () -> clock.advance(TIMEOUT));

        CommandOutcome outcome = service.send(device, DeviceCommand.openCompartment("B3"), TIMEOUT);

        assertThat(outcome.result()).isEqualTo(Result.OK);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(channel.published).hasSize(1);
    }

    @Test
    void aReplyAfterTheCommandTimedOutReplacesTimedOutInTheLogMarkedLateAndRaisesTheJammedDoorAlert() {
        channel.onPublish = id -> clock.atNextReadings(() -> clock.advance(TIMEOUT));

        CommandOutcome outcome = service.send(device, DeviceCommand.openCompartment("B3"), TIMEOUT);
        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(log.find(outcome.commandId()).outcome()).isEqualTo("TIMED_OUT");

        service.reply(replies(), jammed(outcome.commandId()));

        CommandLog.Entry entry = log.find(outcome.commandId());
        assertThat(entry.outcome()).isEqualTo("ERROR");
        assertThat(entry.code()).isEqualTo("DOOR_JAMMED");
        assertThat(entry.late()).isTrue();
        assertThat(entry.repliedAt()).isNotNull();
        assertThat(entry.args()).containsEntry("compartment", "B3");
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.FAULT);
        assertThat(health.snapshot(device).orElseThrow().alerts())
                .anySatisfy(a -> assertThat(a.kind() + "/" + a.detail()).isEqualTo("DOOR_JAMMED/B3"));
    }

    @Test
    void aLateOkToAnOpeningIsRecordedOkAndClearsTheJammedDoorAlert() {
        channel.onPublish = id -> service.reply(replies(), jammed(id));
        assertThat(service.send(device, DeviceCommand.openCompartment("B3"), TIMEOUT).code()).isEqualTo("DOOR_JAMMED");
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.FAULT);

        channel.onPublish = id -> clock.atNextReadings(() -> clock.advance(TIMEOUT));
        CommandOutcome outcome = service.send(device, DeviceCommand.openCompartment("B3"), TIMEOUT);
        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);

        service.reply(replies(), ok(outcome.commandId()));

        assertThat(log.find(outcome.commandId()).outcome()).as("the door opened").isEqualTo("OK");
        assertThat(log.find(outcome.commandId()).late()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.ONLINE);
        assertThat(health.snapshot(device).orElseThrow().alerts()).noneMatch(a -> a.kind() == DeviceAlert.DOOR_JAMMED);
    }

    @Test
    void aReplyArrivingWhileTimedOutIsBeingWrittenIsAppliedAsLateOnceItIsWritten() {
        AtomicReference<@Nullable UUID> replyDuringWrite = new AtomicReference<>();
        log = new CommandLog(jdbc) {
            @Override
            void ended(UUID id, String outcome, int attempts, @Nullable String code, @Nullable String message,
                    @Nullable Instant repliedAt) {
                if (outcome.equals("TIMED_OUT") && id.equals(replyDuringWrite.get())) {
                    service.reply(replies(), jammed(id));
                }
                super.ended(id, outcome, attempts, code, message, repliedAt);
            }
        };
        service = new CommandService(channel, health, log, clock);
        channel.onPublish = id -> {
            replyDuringWrite.set(id);
            clock.atNextReadings(() -> clock.advance(TIMEOUT));
        };

        CommandOutcome outcome = service.send(device, DeviceCommand.openCompartment("B3"), TIMEOUT);

        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        CommandLog.Entry entry = log.find(outcome.commandId());
        assertThat(entry.outcome()).isEqualTo("ERROR");
        assertThat(entry.code()).isEqualTo("DOOR_JAMMED");
        assertThat(entry.late()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.FAULT);
    }

    @Test
    void aReplyFromAnotherDeviceDoesNotAnswerTheCommandNorChangeItsLog() {
        channel.onPublish = id -> clock.atNextReadings(() -> {
            service.reply(new DeviceTopic(HALL, "T-SOMEONE-ELSE", DeviceTopic.Kind.REPLY, null), ok(id));
            clock.advance(TIMEOUT);
        });
        CommandOutcome outcome = service.send(device, DeviceCommand.openCompartment("B3"), TIMEOUT);
        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);

        service.reply(new DeviceTopic(HALL, "T-SOMEONE-ELSE", DeviceTopic.Kind.REPLY, null), ok(outcome.commandId()));
        assertThat(log.find(outcome.commandId()).outcome()).isEqualTo("TIMED_OUT");
        assertThat(log.find(outcome.commandId()).late()).isFalse();
    }

    @Test
    void aCommandSentAgainUnderItsIdStaysOneCommandAndOnceAnsweredIsNotSentAgain() {
        UUID id = UUID.randomUUID();
        DeviceCommand print = DeviceCommand.print("receipt-1", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        channel.onPublish = sent -> clock.atNextReadings(() -> clock.advance(TIMEOUT));
        assertThat(service.send(device, print, TIMEOUT, id).result()).isEqualTo(Result.TIMED_OUT);
        int published = channel.published.size();

        channel.onPublish = sent -> service.reply(replies(), ok(sent));
        CommandOutcome again = service.send(device, print, TIMEOUT, id);
        assertThat(again.commandId()).isEqualTo(id);
        assertThat(again.result()).isEqualTo(Result.OK);
        assertThat(again.attempts()).isEqualTo(published + 1);
        assertThat(channel.published).hasSize(published + 1).allMatch(id::equals);
        assertThat(log.recent(device, 10)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("OK");
            assertThat(e.args()).containsEntry("documentId", "receipt-1").doesNotContainKey("content");
        });

        CommandOutcome third = service.send(device, print, TIMEOUT, id);
        assertThat(third.result()).isEqualTo(Result.OK);
        assertThat(channel.published).as("not sent again").hasSize(published + 1);

        assertThatThrownBy(() -> service.send(device, DeviceCommand.lockScreen(), TIMEOUT, id))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommandOnTheWireCarriesTheSixDocumentedFieldsWithTheClocksNanoseconds() {
        DeviceClock nanos = new DeviceClock(Instant.parse("2026-11-28T09:01:00.123456789Z"));
        CommandService timed = new CommandService(channel, health, log, nanos);
        channel.onPublish = id -> timed.reply(replies(), ok(id));

        timed.send(device, DeviceCommand.openCompartment("B3"), Duration.ofSeconds(10));

        JsonNode sent = JsonMapper.builder().build().readTree(channel.payloads.get(0));
        assertThat(sent.propertyNames()).containsExactly("v", "ts", "id", "type", "args", "deadline");
        assertThat(sent.get("ts").asString()).isEqualTo("2026-11-28T09:01:00.123456789Z");
        assertThat(sent.get("deadline").asString()).isEqualTo("2026-11-28T09:01:10.123456789Z");
        assertThat(sent.get("args").get("compartment").asString()).isEqualTo("B3");
    }

    @Test
    void aCommandToADeviceThatIsOfflineOrNeverReportedIsRefusedAtOnceAndNotSentWhenItComesBack() {
        CommandOutcome never = service.send("T-CS-NEVER-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceCommand.reboot(), TIMEOUT);
        DeviceTopic status = new DeviceTopic(HALL, device, DeviceTopic.Kind.STATUS, null);
        health.status(status, new Payload.Status(Instant.now(), false, "shutdown", null, 3600));
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.OFFLINE);

        CommandOutcome offline = service.send(device, DeviceCommand.lockScreen(), TIMEOUT);

        assertThat(never.result()).isEqualTo(Result.OFFLINE);
        assertThat(offline.result()).isEqualTo(Result.OFFLINE);
        assertThat(log.find(offline.commandId()).outcome()).isEqualTo("OFFLINE");
        assertThat(channel.published).isEmpty();

        health.status(status, new Payload.Status(Instant.now(), true, null, "1.0", 3600));
        await().atMost(Duration.ofSeconds(5)).until(() -> health.statusOf(device) == DeviceStatus.ONLINE);
        channel.onPublish = id -> service.reply(replies(), ok(id));
        CommandOutcome later = service.send(device, DeviceCommand.unlockScreen(), TIMEOUT);

        assertThat(later.result()).isEqualTo(Result.OK);
        assertThat(channel.published).containsExactly(later.commandId());
    }

    /** The device end of the channel: records every command and calls {@code onPublish} with its id. */
    static final class FakeDevice implements CommandChannel {
        final List<UUID> published = new CopyOnWriteArrayList<>();
        final List<byte[]> payloads = new CopyOnWriteArrayList<>();
        volatile Consumer<UUID> onPublish = id -> {
        };

        @Override
        public void publish(String hall, String device, byte[] payload) {
            String json = new String(payload, StandardCharsets.UTF_8);
            int at = json.indexOf("\"id\":\"") + 6;
            UUID id = UUID.fromString(json.substring(at, at + 36));
            published.add(id);
            payloads.add(payload);
            onPublish.accept(id);
        }

        @Override
        public boolean connected() {
            return true;
        }
    }

    /**
     * A clock that stands still until moved, and runs the hooks given to {@link #atNextReadings}
     * at its next readings, one a reading, before answering it: "the device answers when the
     * service looks at the clock and finds the deadline".
     */
    static final class DeviceClock extends Clock {
        private final AtomicReference<Instant> now;
        private final Deque<Runnable> hooks = new ArrayDeque<>();

        DeviceClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        synchronized void atNextReadings(Runnable... next) {
            hooks.clear();
            hooks.addAll(List.of(next));
        }

        void advance(Duration amount) {
            now.updateAndGet(t -> t.plus(amount));
        }

        @Override
        public Instant instant() {
            Runnable hook;
            synchronized (this) {
                hook = hooks.poll();
            }
            if (hook != null) {
                hook.run();
            }
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
