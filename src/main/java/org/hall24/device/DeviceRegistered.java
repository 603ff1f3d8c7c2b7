package org.hall24.device;

import java.time.Instant;

/** A device was registered and received its first credential. */
public record DeviceRegistered(String deviceCode, String hall, DeviceType type, String by, Instant at) {
}
