package org.hall24.device;

import java.time.Duration;
import java.util.UUID;

/**
 * Sends commands to devices and waits for their replies. Every command and its outcome is
 * recorded. Blocks the calling thread for at most {@code timeout}. Safe to call from a listener of
 * a device's own events: the reply is not handled behind them.
 */
public interface DeviceCommands {

    /**
     * Sends {@code command} to the device and waits for its reply. A device that is offline or never
     * reported fails at once ({@link CommandOutcome.Result#OFFLINE}); an idempotent command is
     * resent while no reply came, a non-idempotent one is sent once; with no reply by
     * {@code timeout} the outcome is {@link CommandOutcome.Result#TIMED_OUT}. A reply that arrives
     * later still replaces {@code TIMED_OUT} in the command log (marked late) and has its effects.
     *
     * @param deviceCode must not be {@literal null}
     * @param timeout how long to wait in all, at least 100 ms
     */
    CommandOutcome send(String deviceCode, DeviceCommand command, Duration timeout);

    /**
     * Sends {@code command} under the caller's id, so that a caller who lost track of it (a crash
     * after sending) can send it again: the device answers a repeated id with its first reply and
     * does not do it twice (for {@code print}: prints once). When the log already holds this id's
     * reply ({@code OK} or {@code ERROR}), that outcome is returned and nothing is sent; otherwise
     * (never sent, pending, timed out, offline) it is sent as {@link #send(String, DeviceCommand, Duration)}
     * does, and stays one command in the log.
     *
     * @param commandId the command's id on the wire and in the log
     * @throws IllegalArgumentException when the id is another device's or another type's command
     * @throws IllegalStateException when a command with this id is being sent right now
     */
    CommandOutcome send(String deviceCode, DeviceCommand command, Duration timeout, UUID commandId);
}
