package org.hall24.accounts;

/**
 * A staff member set a new password, for the audit trail.
 *
 * @param username whose
 * @param wasRequired whether the account had to change it (an initial password) before using any staff page
 */
public record StaffPasswordChanged(String username, boolean wasRequired) {
}
