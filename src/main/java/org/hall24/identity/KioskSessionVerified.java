package org.hall24.identity;

import java.util.UUID;

/**
 * A kiosk session's person was verified.
 *
 * @param method {@code face} (the terminal's face report met the policy) or {@code staff} (a staff
 *        member confirmed the person)
 */
public record KioskSessionVerified(UUID sessionId, String deviceCode, String method) {
}
