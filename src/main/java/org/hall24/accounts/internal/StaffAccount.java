package org.hall24.accounts.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hall24.accounts.StaffRole;
import org.jspecify.annotations.Nullable;

/**
 * A staff account as stored.
 *
 * @param passwordHash the BCrypt hash of the password; the password itself is never stored
 * @param mustChangePassword whether the password was an initial one the holder should replace
 * @param departments the department codes a collector or reviewer works for
 * @param sealedPhone the phone for one-time sign-in codes, encrypted; null when none is on record
 */
record StaffAccount(UUID id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
        boolean enabled, Instant createdAt, boolean mustChangePassword, Set<String> departments,
        @Nullable String sealedPhone, @Nullable String phoneMasked) {

    StaffAccount {
        roles = Set.copyOf(roles);
        departments = Set.copyOf(departments);
    }

    /** An account with no departments and no phone (the administrator). */
    StaffAccount(UUID id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
            boolean enabled, Instant createdAt, boolean mustChangePassword) {
        this(id, username, displayName, passwordHash, roles, enabled, createdAt, mustChangePassword, Set.of(), null, null);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + ", " + roles + ", " + departments + "]";
    }
}
