package org.hall24.device;

import java.time.Instant;

/** A device's credential was replaced; the old one no longer connects. */
public record DeviceCredentialRotated(String deviceCode, String by, Instant at) {
}
