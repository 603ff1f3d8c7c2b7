package org.hall24.device;

import java.time.Instant;

/** A device fault that was raised is gone. */
public record DeviceAlertCleared(String deviceCode, DeviceAlert kind, String detail, Instant at) {
}
