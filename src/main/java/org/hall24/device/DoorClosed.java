package org.hall24.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A smart file cabinet reported a compartment door closed.
 *
 * @param compartment the compartment, e.g. {@code B3}
 */
public record DoorClosed(String deviceCode, UUID eventId, Instant at, String compartment) {
}
