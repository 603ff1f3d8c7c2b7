package org.hall24.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Activity at a kiosk pushed its session's inactivity deadline. An in-memory event without personal
 * data, for the kiosk screen's countdown; unlike {@link KioskSessionChanged} nothing on the screen changed.
 */
public record KioskSessionTouched(UUID sessionId, String deviceCode, Instant expiresAt) {
}
