package org.hall24.accounts;

import java.time.Duration;

/**
 * Too many failed sign-ins: a username or a client address is locked for a while, for the audit
 * trail. Published whether or not the username exists.
 *
 * @param username the name of the failure that locked (it may name no account)
 * @param clientAddress where that failure came from
 * @param scope what is locked: {@code username} or {@code address}
 * @param lockedFor how long, at most
 */
public record StaffSignInLocked(String username, String clientAddress, String scope, Duration lockedFor) {
}
