package org.hall24.notifications.internal.staff;

import java.time.Instant;
import java.util.UUID;

import org.hall24.notifications.ContactRole;
import org.hall24.shared.EmailAddress;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;

/**
 * A staff contact, decrypted, for sending to. {@link #toString()} shows the phone and the address
 * masked (as {@link MobileNumber} and {@link EmailAddress} do).
 *
 * @param department the department's code, null for a duty operator
 * @param email where the morning digest goes; without one the digest is a text message
 */
public record StaffContact(UUID id, String displayName, ContactRole role, @Nullable String department, String hall,
        MobileNumber phone, @Nullable EmailAddress email, SmsHours hours, boolean enabled, Instant updatedAt,
        String updatedBy) {
}
