package org.hall24.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A kiosk read an ID card. Published once per device event id (repeats are dropped).
 *
 * @param deviceCode the kiosk
 * @param eventId the device's event id
 * @param at when the device read it (device clock)
 * @param card what it read; personal data, masked in {@link #toString()}
 */
public record CardRead(String deviceCode, UUID eventId, Instant at, IdCard card) {
}
