package org.hall24.device;

import java.time.Instant;

/** A device's credential was revoked: it cannot connect until its credential is rotated. */
public record DeviceCredentialRevoked(String deviceCode, String by, Instant at) {
}
