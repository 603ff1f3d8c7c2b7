package org.hall24.device;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * A kiosk's document camera captured a page set. The image may show personal data:
 * {@link #toString()} gives only its size.
 *
 * @param format {@code image/jpeg} or {@code image/png}
 * @param image the image bytes
 * @param pages how many pages it shows
 */
public record DocumentCaptured(String deviceCode, UUID eventId, Instant at, String format, byte[] image, int pages) {

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentCaptured d && eventId.equals(d.eventId) && deviceCode.equals(d.deviceCode)
                && Arrays.equals(image, d.image);
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentCaptured[deviceCode=" + deviceCode + ", eventId=" + eventId + ", at=" + at + ", format=" + format
                + ", image=" + image.length + " bytes, pages=" + pages + "]";
    }
}
