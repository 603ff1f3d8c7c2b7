package org.hall24.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Something about a live session changed that its kiosk screen shows: a face attempt, the fallback,
 * the staff request, an enterprise, a verified phone, or a new inactivity deadline. An in-memory
 * event without personal data, for the kiosk's live screen.
 */
public record KioskSessionChanged(UUID sessionId, String deviceCode, KioskSession.Stage stage, Instant expiresAt) {
}
