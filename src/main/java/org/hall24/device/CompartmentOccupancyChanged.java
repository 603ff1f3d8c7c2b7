package org.hall24.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A smart file cabinet sensed that a compartment became occupied or empty.
 */
public record CompartmentOccupancyChanged(String deviceCode, UUID eventId, Instant at, String compartment, boolean occupied) {
}
