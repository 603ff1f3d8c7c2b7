package org.hall24.device.commands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hall24.device.CommandOutcome;
import org.hall24.device.CommandOutcome.Result;
import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.device.DeviceStatus;
import org.hall24.device.gateway.CommandChannel;
import org.hall24.device.gateway.DeviceMessageListener;
import org.hall24.device.gateway.DeviceTopic;
import org.hall24.device.gateway.Payload;
import org.hall24.device.gateway.PayloadParser;
import org.hall24.device.health.DeviceHealth;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Commands over MQTT with correlation ids: the command's UUID is its {@code id} on the wire and
 * the reply's {@code id}. The device's hall is the one in the topic of its last message. An
 * idempotent command is resent every third of the timeout while no reply came; the device answers
 * a repeated id with its first reply. The deadline is read on the application's {@link Clock}.
 *
 * <p>Who wins at the deadline: the command's future. A reply completes it, the deadline completes
 * it exceptionally, and whichever comes first decides — a reply that arrived by the time the
 * deadline is noticed is the outcome, never {@code TIMED_OUT}. A reply that comes after
 * {@code TIMED_OUT} was decided is <em>late</em>: its outcome replaces {@code TIMED_OUT} in the
 * log (marked late) and has its effects (a jammed door's alert raised or cleared), also when it
 * arrives while {@code TIMED_OUT} is still being written, and also at another node (the log holds
 * what the effects need). The caller was told {@code TIMED_OUT} and reads the log for the rest.
 *
 * <p>Replies come on the dispatcher's reply lanes, apart from the devices' messages, so a device
 * event's listener may send that device a command and wait for its reply.
 */
@Service
class CommandService implements DeviceCommands, DeviceMessageListener {

    private static final Logger log = LoggerFactory.getLogger(CommandService.class);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    /** What completes a command's future at its deadline. */
    private static final TimeoutException DEADLINE = new TimeoutException("deadline");

    /** A command waiting for its reply. */
    private static final class Pending {
        final String deviceCode;
        final CompletableFuture<Payload.Reply> reply = new CompletableFuture<>();
        /** {@code TIMED_OUT} is in the log: a reply now is handled as late. Guarded by this. */
        private boolean timedOutRecorded;
        /** A reply that came after the deadline but before {@code TIMED_OUT} was in the log. Guarded by this. */
        private Payload.@Nullable Reply early;

        Pending(String deviceCode) {
            this.deviceCode = deviceCode;
        }
    }

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final CommandChannel channel;
    private final DeviceHealth health;
    private final CommandLog commandLog;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CommandService(CommandChannel channel, DeviceHealth health, CommandLog commandLog, Clock clock) {
        this.channel = channel;
        this.health = health;
        this.commandLog = commandLog;
        this.clock = clock;
    }

    @Override
    public CommandOutcome send(String deviceCode, DeviceCommand command, Duration timeout) {
        UUID id = UUID.randomUUID();
        commandLog.sent(id, deviceCode, health.hallOf(deviceCode).orElse(null), command.type().wireName(), command.args(),
                clock.instant());
        return run(id, deviceCode, command, timeout, 0);
    }

    @Override
    public CommandOutcome send(String deviceCode, DeviceCommand command, Duration timeout, UUID commandId) {
        CommandLog.Entry earlier = commandLog.find(commandId);
        if (earlier == null) {
            commandLog.sent(commandId, deviceCode, health.hallOf(deviceCode).orElse(null), command.type().wireName(),
                    command.args(), clock.instant());
            return run(commandId, deviceCode, command, timeout, 0);
        }
        if (!earlier.deviceCode().equals(deviceCode) || !earlier.type().equals(command.type().wireName())) {
            throw new IllegalArgumentException("command " + commandId + " was a " + earlier.type() + " to "
                    + earlier.deviceCode() + ", not a " + command.type().wireName() + " to " + deviceCode);
        }
        if (earlier.outcome().equals(Result.OK.name()) || earlier.outcome().equals(Result.ERROR.name())) {
            return new CommandOutcome(commandId, Result.valueOf(earlier.outcome()), earlier.code(), earlier.message(),
                    earlier.attempts());
        }
        if (pending.containsKey(commandId)) {
            throw new IllegalStateException("command " + commandId + " is being sent");
        }
        commandLog.resent(commandId, health.hallOf(deviceCode).orElse(null));
        return run(commandId, deviceCode, command, timeout, earlier.attempts());
    }

    private CommandOutcome run(UUID id, String deviceCode, DeviceCommand command, Duration timeout, int attemptsBefore) {
        if (timeout.compareTo(MIN_TIMEOUT) < 0) {
            timeout = MIN_TIMEOUT;
        }
        Instant now = clock.instant();
        String hall = health.hallOf(deviceCode).orElse(null);
        DeviceStatus status = health.statusOf(deviceCode);
        if (hall == null || status == DeviceStatus.UNKNOWN) {
            return end(id, deviceCode, Result.OFFLINE, "device " + deviceCode + " has never reported; not sent", attemptsBefore);
        }
        if (status == DeviceStatus.OFFLINE) {
            return end(id, deviceCode, Result.OFFLINE, "device " + deviceCode + " is offline; not sent", attemptsBefore);
        }
        if (!channel.connected()) {
            return end(id, deviceCode, Result.OFFLINE, "the platform is not connected to the device broker; not sent",
                    attemptsBefore);
        }
        Instant deadline = now.plus(timeout);
        byte[] payload = payload(id, command, now, deadline);
        if (payload.length > PayloadParser.EVENT_LIMIT) {
            throw new IllegalArgumentException("command " + command.type().wireName() + " exceeds 2 MiB");
        }
        Pending waiting = new Pending(deviceCode);
        if (pending.putIfAbsent(id, waiting) != null) {
            throw new IllegalStateException("command " + id + " is being sent");
        }
        boolean idempotent = command.type().idempotent();
        long retryMillis = Math.max(timeout.toMillis() / 3, 100);
        int attempts = attemptsBefore;
        boolean published = false;
        try {
            while (true) {
                long left = Duration.between(clock.instant(), deadline).toMillis();
                if (left <= 0) {
                    break;
                }
                if (!published || idempotent) {
                    if (published) {
                        log.info("No reply yet to command {} ({}) to {}; resending", id, command.type().wireName(), deviceCode);
                    }
                    try {
                        channel.publish(hall, deviceCode, payload);
                        attempts++;
                        published = true;
                    }
                    catch (IllegalStateException e) {
                        log.warn("Command {} to {} not published: {}", id, deviceCode, e.getMessage());
                    }
                }
                long wait = published && !idempotent ? left : Math.min(left, retryMillis);
                try {
                    return replied(id, waiting, command, waiting.reply.get(wait, TimeUnit.MILLISECONDS), attempts);
                }
                catch (TimeoutException e) {
                    // the deadline is the clock's: look again
                }
            }
            return timedOut(id, waiting, command, attempts, "no reply within " + timeout.toMillis() + " ms");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut(id, waiting, command, attempts, "interrupted while waiting for the reply");
        }
        catch (ExecutionException e) {
            return timedOut(id, waiting, command, attempts, "failed while waiting: " + e.getCause());
        }
        finally {
            pending.remove(id, waiting);
        }
    }

    /**
     * The deadline passed: {@code TIMED_OUT} unless a reply completed the future first. A reply
     * that comes while {@code TIMED_OUT} is being written is kept by {@link #reply} and applied as
     * late here, once the row says {@code TIMED_OUT}.
     */
    private CommandOutcome timedOut(UUID id, Pending waiting, DeviceCommand command, int attempts, String why) {
        if (!waiting.reply.completeExceptionally(DEADLINE)) {
            return replied(id, waiting, command, waiting.reply.join(), attempts);
        }
        CommandOutcome outcome = end(id, waiting.deviceCode, Result.TIMED_OUT, why, attempts);
        Payload.Reply early;
        synchronized (waiting) {
            waiting.timedOutRecorded = true;
            early = waiting.early;
        }
        pending.remove(id, waiting);
        if (early != null) {
            late(id, waiting.deviceCode, early);
        }
        return outcome;
    }

    /**
     * A device's reply: completes its waiting command, or, after the command timed out, replaces
     * the {@code TIMED_OUT} in the log (marked late) and has its effects. Called on a reply lane.
     */
    @Override
    public void reply(DeviceTopic topic, Payload.Reply reply) {
        Pending waiting = pending.get(reply.id());
        if (waiting != null) {
            if (!waiting.deviceCode.equals(topic.device())) {
                log.warn("Device {} replied to command {} of device {}; ignored", topic.device(), reply.id(), waiting.deviceCode);
                return;
            }
            if (waiting.reply.complete(reply)) {
                return;
            }
            synchronized (waiting) {
                if (!waiting.timedOutRecorded) {
                    if (waiting.early == null && waiting.reply.isCompletedExceptionally()) {
                        waiting.early = reply;
                    }
                    return;
                }
            }
        }
        late(reply.id(), topic.device(), reply);
    }

    private void late(UUID id, String deviceCode, Payload.Reply reply) {
        Result result = reply.ok() ? Result.OK : Result.ERROR;
        CommandLog.Entry entry = commandLog.late(id, deviceCode, result.name(), reply.code(), truncate(reply.message()),
                clock.instant()).orElse(null);
        if (entry == null) {
            log.debug("Reply from {} to command {} that is not waiting; ignored", deviceCode, id);
            return;
        }
        log.info("Late reply from {} to command {} ({}): {} {}; recorded in place of TIMED_OUT", deviceCode, id,
                entry.type(), result, reply.code() == null ? "" : reply.code());
        effects(deviceCode, entry.type(), entry.args(), reply);
    }

    private CommandOutcome replied(UUID id, Pending waiting, DeviceCommand command, Payload.Reply reply, int attempts) {
        pending.remove(id, waiting);
        effects(waiting.deviceCode, command.type().wireName(), command.args(), reply);
        Result result = reply.ok() ? Result.OK : Result.ERROR;
        CommandOutcome outcome = new CommandOutcome(id, result, reply.code(), reply.message(), Math.max(attempts, 1));
        commandLog.ended(id, result.name(), outcome.attempts(), reply.code(), truncate(reply.message()), clock.instant());
        return outcome;
    }

    /** What a reply changes besides the command's outcome: a jammed door opens an alert, an opening clears it. */
    private void effects(String deviceCode, String type, Map<String, String> args, Payload.Reply reply) {
        if (!DeviceCommand.Type.OPEN_COMPARTMENT.wireName().equals(type)) {
            return;
        }
        String compartment = args.getOrDefault("compartment", "?");
        if (!reply.ok() && "DOOR_JAMMED".equals(reply.code())) {
            health.commandAlert(deviceCode, DeviceAlert.DOOR_JAMMED, compartment, true);
        }
        else if (reply.ok()) {
            health.commandAlert(deviceCode, DeviceAlert.DOOR_JAMMED, compartment, false);
        }
    }

    private CommandOutcome end(UUID id, String deviceCode, Result result, String message, int attempts) {
        commandLog.ended(id, result.name(), attempts, null, message, null);
        log.info("Command {} to {}: {} ({})", id, deviceCode, result, message);
        return new CommandOutcome(id, result, null, message, attempts);
    }

    private byte[] payload(UUID id, DeviceCommand command, Instant ts, Instant deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("v", PayloadParser.VERSION);
        body.put("ts", ts.toString());
        body.put("id", id.toString());
        body.put("type", command.type().wireName());
        body.put("args", command.args());
        body.put("deadline", deadline.toString());
        return json.writeValueAsBytes(body);
    }

    private static @Nullable String truncate(@Nullable String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }
}
