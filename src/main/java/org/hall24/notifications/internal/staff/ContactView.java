package org.hall24.notifications.internal.staff;

import java.time.Instant;
import java.util.UUID;

import org.hall24.notifications.ContactRole;
import org.jspecify.annotations.Nullable;

/**
 * A staff contact as lists show it: the phone and the e-mail address masked
 * ({@code 139****0001}, {@code w***@hall24.example}).
 *
 * @param email masked, null when the contact has none
 * @param waiting how many messages wait for the contact's digest
 */
public record ContactView(UUID id, String displayName, ContactRole role, @Nullable String department, String hall,
        String phone, @Nullable String email, String smsFrom, String smsUntil, boolean enabled, Instant updatedAt,
        String updatedBy, int waiting) {
}
