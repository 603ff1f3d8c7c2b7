package org.hall24.device;

import java.time.Instant;

/**
 * A device went offline: it said so, its last will fired, or its telemetry stopped.
 *
 * @param reason {@code shutdown}, {@code maintenance}, {@code connection-lost} or {@code telemetry-timeout}
 */
public record DeviceWentOffline(String deviceCode, String reason, Instant at) {
}
