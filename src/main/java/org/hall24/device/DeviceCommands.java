package org.hall24.device;

import java.time.Duration;

/**
 * Sends commands to devices and waits for their replies. Every command and its outcome is
 * recorded. Blocks the calling thread for at most {@code timeout}.
 */
public interface DeviceCommands {

    /**
     * Sends {@code command} to the device and waits for its reply. A device that is offline or never
     * reported fails at once ({@link CommandOutcome.Result#OFFLINE}); an idempotent command is
     * resent while no reply came, a non-idempotent one is sent once; with no reply by
     * {@code timeout} the outcome is {@link CommandOutcome.Result#TIMED_OUT}.
     *
     * @param deviceCode must not be {@literal null}
     * @param timeout how long to wait in all, at least 100 ms
     */
    CommandOutcome send(String deviceCode, DeviceCommand command, Duration timeout);
}
