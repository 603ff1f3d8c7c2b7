package org.hall24.accounts;

/**
 * A staff sign-in failed, for the audit trail. Published whether or not the username exists.
 *
 * @param username the name given, trimmed and cut to 64 characters (it may name no account)
 * @param clientAddress where the attempt came from
 * @param whileLocked whether it was refused unchecked because the name or the address was locked
 */
public record StaffSignInFailed(String username, String clientAddress, boolean whileLocked) {
}
