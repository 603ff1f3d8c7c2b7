package org.hall24.device;

import java.time.Instant;

/**
 * A device fault appeared; published once until it clears.
 *
 * @param detail what exactly, e.g. {@code printer} or compartment {@code B3}; never personal data
 */
public record DeviceAlertRaised(String deviceCode, DeviceAlert kind, String detail, Instant at) {
}
