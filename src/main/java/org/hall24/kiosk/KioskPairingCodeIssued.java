package org.hall24.kiosk;

import java.time.Instant;

/** A staff member issued a pairing code for a kiosk (the code itself is never in the event). */
public record KioskPairingCodeIssued(String deviceCode, String by, Instant expiresAt) {
}
