package org.hall24.device;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How a command ended.
 *
 * @param commandId the command's id (its correlation id on the wire, its row in {@code device_command})
 * @param result what happened
 * @param code the device's error code ({@code DOOR_JAMMED}…) for {@link Result#ERROR}
 * @param message a reason a person can read: the device's message, or why it was not sent or not answered
 * @param attempts how many times it was published (more than one only for idempotent commands)
 */
public record CommandOutcome(UUID commandId, Result result, @Nullable String code, @Nullable String message, int attempts) {

    public enum Result {
        /** The device did it. */
        OK,
        /** The device answered with an error {@link CommandOutcome#code()}. */
        ERROR,
        /** No reply within the timeout; a reply arriving later replaces it in the command log, marked late, and has its effects. */
        TIMED_OUT,
        /** Not sent: the device is offline or never reported, or the platform has no broker connection. */
        OFFLINE
    }

    public boolean ok() {
        return result == Result.OK;
    }
}
