package org.hall24.identity;

import java.util.UUID;

/** A staff member looked at a session's card photo for the assisted check, for the audit trail. */
public record CardPhotoViewed(UUID sessionId, String deviceCode, String maskedIdNumber, String staffUsername) {
}
