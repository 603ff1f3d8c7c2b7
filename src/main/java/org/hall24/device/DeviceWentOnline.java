package org.hall24.device;

import java.time.Instant;

/** A device reported (status {@code online} or telemetry) after being offline or unknown. */
public record DeviceWentOnline(String deviceCode, Instant at) {
}
