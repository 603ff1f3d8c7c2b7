package org.hall24.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A device's code scanner read a code: the smart file cabinet's QR scanner reading a receipt's
 * deposit token or a pickup code. The code may open a compartment, so it is never logged whole.
 *
 * @param code what the scanner read: 1 to 512 printable ASCII characters
 */
public record CodeScanned(String deviceCode, UUID eventId, Instant at, String code) {

    @Override
    public String toString() {
        return "CodeScanned[deviceCode=" + deviceCode + ", eventId=" + eventId + ", at=" + at + ", code=" + code.length() + " characters]";
    }
}
