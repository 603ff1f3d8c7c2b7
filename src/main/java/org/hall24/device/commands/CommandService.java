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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Commands over MQTT with correlation ids: the command's UUID is its {@code id} on the wire and
 * the reply's {@code id}. The device's hall is the one in the topic of its last message. An
 * idempotent command is resent every third of the timeout while no reply came; the device answers
 * a repeated id with its first reply. A reply whose command is no longer waiting is recorded as
 * late when the command had timed out, and otherwise ignored; either way it changes nothing.
 */
@Service
class CommandService implements DeviceCommands, DeviceMessageListener {

    private static final Logger log = LoggerFactory.getLogger(CommandService.class);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    private record Pending(String deviceCode, CompletableFuture<Payload.Reply> reply) {
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
        if (timeout.compareTo(MIN_TIMEOUT) < 0) {
            timeout = MIN_TIMEOUT;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String hall = health.hallOf(deviceCode).orElse(null);
        commandLog.sent(id, deviceCode, hall, command.type().wireName(), now);
        DeviceStatus status = health.statusOf(deviceCode);
        if (hall == null || status == DeviceStatus.UNKNOWN) {
            return end(id, deviceCode, Result.OFFLINE, null, "device " + deviceCode + " has never reported; not sent", 0);
        }
        if (status == DeviceStatus.OFFLINE) {
            return end(id, deviceCode, Result.OFFLINE, null, "device " + deviceCode + " is offline; not sent", 0);
        }
        if (!channel.connected()) {
            return end(id, deviceCode, Result.OFFLINE, null, "the platform is not connected to the device broker; not sent", 0);
        }
        Instant deadline = now.plus(timeout);
        byte[] payload = payload(id, command, now, deadline);
        if (payload.length > PayloadParser.EVENT_LIMIT) {
            throw new IllegalArgumentException("command " + command.type().wireName() + " exceeds 2 MiB");
        }
        Pending waiting = new Pending(deviceCode, new CompletableFuture<>());
        pending.put(id, waiting);
        long resendMillis = command.type().idempotent() ? Math.max(timeout.toMillis() / 3, 100) : Long.MAX_VALUE;
        int attempts = 0;
        try {
            while (true) {
                long left = Duration.between(clock.instant(), deadline).toMillis();
                if (left <= 0) {
                    break;
                }
                if (attempts > 0 && !command.type().idempotent()) {
                    Thread.sleep(left);
                    continue;
                }
                try {
                    channel.publish(hall, deviceCode, payload);
                    attempts++;
                }
                catch (IllegalStateException e) {
                    log.warn("Command {} to {} not published: {}", id, deviceCode, e.getMessage());
                }
                try {
                    Payload.Reply reply = waiting.reply().get(Math.min(left, resendMillis), TimeUnit.MILLISECONDS);
                    return replied(id, deviceCode, command, reply, attempts);
                }
                catch (TimeoutException e) {
                    if (command.type().idempotent() && attempts > 0) {
                        log.info("No reply yet to command {} ({}) to {}; resending", id, command.type().wireName(), deviceCode);
                    }
                }
            }
            if (pending.remove(id) == null && waiting.reply().isDone()) {
                return replied(id, deviceCode, command, waiting.reply().join(), attempts);
            }
            return end(id, deviceCode, Result.TIMED_OUT, null, "no reply within " + timeout.toMillis() + " ms", attempts);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return end(id, deviceCode, Result.TIMED_OUT, null, "interrupted while waiting for the reply", attempts);
        }
        catch (ExecutionException e) {
            return end(id, deviceCode, Result.TIMED_OUT, null, "failed while waiting: " + e.getCause(), attempts);
        }
        finally {
            pending.remove(id);
        }
    }

    @Override
    public void reply(DeviceTopic topic, Payload.Reply reply) {
        Pending waiting = pending.get(reply.id());
        if (waiting != null && waiting.deviceCode().equals(topic.device())) {
            waiting.reply().complete(reply);
            return;
        }
        if (waiting != null) {
            log.warn("Device {} replied to command {} of device {}; ignored", topic.device(), reply.id(), waiting.deviceCode());
            return;
        }
        if (commandLog.late(reply.id(), clock.instant())) {
            log.info("Late reply from {} to command {} recorded; it changes nothing", topic.device(), reply.id());
        }
        else {
            log.debug("Reply from {} to command {} that is not waiting; ignored", topic.device(), reply.id());
        }
    }

    private CommandOutcome replied(UUID id, String deviceCode, DeviceCommand command, Payload.Reply reply, int attempts) {
        pending.remove(id);
        if (command.type() == DeviceCommand.Type.OPEN_COMPARTMENT) {
            String compartment = command.args().getOrDefault("compartment", "?");
            if (!reply.ok() && "DOOR_JAMMED".equals(reply.code())) {
                health.commandAlert(deviceCode, DeviceAlert.DOOR_JAMMED, compartment, true);
            }
            else if (reply.ok()) {
                health.commandAlert(deviceCode, DeviceAlert.DOOR_JAMMED, compartment, false);
            }
        }
        Result result = reply.ok() ? Result.OK : Result.ERROR;
        CommandOutcome outcome = new CommandOutcome(id, result, reply.code(), reply.message(), Math.max(attempts, 1));
        commandLog.ended(id, result.name(), outcome.attempts(), reply.code(), truncate(reply.message()), clock.instant());
        return outcome;
    }

    private CommandOutcome end(UUID id, String deviceCode, Result result, @org.jspecify.annotations.Nullable String code, String message, int attempts) {
        commandLog.ended(id, result.name(), attempts, code, message, null);
        if (result != Result.OK) {
            log.info("Command {} to {}: {} ({})", id, deviceCode, result, message);
        }
        return new CommandOutcome(id, result, code, message, attempts);
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

    private static String truncate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }
}
