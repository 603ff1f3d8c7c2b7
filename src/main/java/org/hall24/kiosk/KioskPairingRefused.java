package org.hall24.kiosk;

/** A browser presented a pairing code that was refused. */
public record KioskPairingRefused(String clientAddress, KioskPairings.RefusalReason reason) {
}
