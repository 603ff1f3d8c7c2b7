package org.hall24.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A smart file cabinet reported a compartment door opened.
 *
 * @param compartment the compartment, e.g. {@code B3}
 */
public record DoorOpened(String deviceCode, UUID eventId, Instant at, String compartment) {
}
