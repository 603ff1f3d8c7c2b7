package org.hall24.accounts.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hall24.accounts.StaffRole;

/**
 * A staff account as stored.
 *
 * @param passwordHash the BCrypt hash of the password; the password itself is never stored
 * @param mustChangePassword whether the password was an initial one the holder should replace
 */
record StaffAccount(UUID id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
        boolean enabled, Instant createdAt, boolean mustChangePassword) {

    StaffAccount {
        roles = Set.copyOf(roles);
    }
}
