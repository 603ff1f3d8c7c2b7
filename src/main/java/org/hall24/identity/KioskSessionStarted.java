package org.hall24.identity;

import java.util.UUID;

/**
 * A card read started a session at a kiosk. An in-memory event: consume it with a synchronous
 * {@code @EventListener}; it carries no personal data.
 */
public record KioskSessionStarted(UUID sessionId, String deviceCode) {
}
