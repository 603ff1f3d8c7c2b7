package org.hall24.device;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * A kiosk captured a fingerprint template, to be compared and discarded, never stored.
 * {@link #toString()} never shows the template.
 *
 * @param template the template bytes
 * @param quality 0 to 100
 */
public record FingerprintCaptured(String deviceCode, UUID eventId, Instant at, byte[] template, int quality) {

    @Override
    public boolean equals(Object other) {
        return other instanceof FingerprintCaptured f && eventId.equals(f.eventId) && deviceCode.equals(f.deviceCode)
                && Arrays.equals(template, f.template);
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }

    @Override
    public String toString() {
        return "FingerprintCaptured[deviceCode=" + deviceCode + ", eventId=" + eventId + ", at=" + at + ", template=****"
                + ", quality=" + quality + "]";
    }
}
