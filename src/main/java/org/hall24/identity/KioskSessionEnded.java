package org.hall24.identity;

import java.util.UUID;

/**
 * A kiosk session ended and everything personal it held is forgotten. An in-memory event: consume
 * it with a synchronous {@code @EventListener} (e.g. to drop the session's drafts at once).
 */
public record KioskSessionEnded(UUID sessionId, String deviceCode, SessionEnd reason) {
}
