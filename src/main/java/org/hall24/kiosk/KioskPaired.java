package org.hall24.kiosk;

import java.util.UUID;

/** A browser was paired with a kiosk by a pairing code. */
public record KioskPaired(String deviceCode, UUID pairingId, String userAgent, String clientAddress) {
}
