package org.hall24.kiosk;

import java.util.UUID;

/** A staff member unpaired a kiosk browser. */
public record KioskPairingRevoked(String deviceCode, UUID pairingId, String by) {
}
