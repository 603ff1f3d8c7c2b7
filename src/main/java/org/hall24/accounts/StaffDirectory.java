package org.hall24.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;

/**
 * Staff accounts as other modules need them: who someone is, what they may do, for which
 * departments, and a password check for screens that are not the back office's sign-in form (the
 * cabinet screen's collector sign-in), under the same throttle as {@code /login}.
 */
public interface StaffDirectory {

    /** An enabled account by username. */
    Optional<StaffMember> find(String username);

    /**
     * Checks a username and password; counts failures like {@code /login} does (per name and per address).
     *
     * @param clientAddress where the attempt comes from
     */
    PasswordCheck checkPassword(String username, String password, String clientAddress);

    /**
     * A staff member.
     *
     * @param departments the departments (codes such as {@code SW}) a collector or reviewer works for
     * @param phone where one-time sign-in codes go; null when none is on record
     */
    record StaffMember(String username, String displayName, Set<StaffRole> roles, Set<String> departments,
            @Nullable MobileNumber phone) {

        public StaffMember {
            roles = Set.copyOf(roles);
            departments = Set.copyOf(departments);
        }

        public boolean has(StaffRole role) {
            return roles.contains(role);
        }

        @Override
        public String toString() {
            return "StaffMember[" + username + ", " + roles + ", " + departments + "]";
        }
    }

    sealed interface PasswordCheck {
    }

    /** Right password, enabled account. */
    record Accepted(StaffMember member) implements PasswordCheck {
    }

    /** Wrong name or password, or a disabled account (not told apart). */
    record Rejected() implements PasswordCheck {
    }

    /** Too many failures lately: refused even with the right password until {@code retryAfter} has passed. */
    record Locked(Duration retryAfter) implements PasswordCheck {
    }
}
