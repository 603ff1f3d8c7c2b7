package org.hall24.identity;

import java.util.UUID;

/**
 * A staff member confirmed or refused a kiosk session's person in the staff-assisted check, for the
 * audit trail. Only masked personal data.
 */
public record AssistedCheckDecided(UUID sessionId, String deviceCode, String maskedIdNumber, String staffUsername,
        boolean approved) {
}
