package org.hall24.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import org.hall24.accounts.StaffPasswordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a staff member's own password. The policy: the current password is given (a wrong one
 * counts as a failed sign-in), the new one has at least {@value #MIN_LENGTH} characters, differs
 * from the current one, and is typed twice alike. Setting it clears the account's must-change mark.
 * Public for the module's web layer only.
 */
@Service
public class StaffPasswords {

    public static final int MIN_LENGTH = 12;

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final StaffUserDetailsService users;

    StaffPasswords(StaffAccounts accounts, PasswordEncoder passwords, SignInThrottle throttle, ApplicationEventPublisher events,
            StaffUserDetailsService users) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        this.users = users;
    }

    /** Whether this sign-in must change its password before it may open any staff page. */
    public static boolean mustChange(Authentication signedIn) {
        return PasswordChangeFilter.mustChange(signedIn);
    }

    /**
     * The sign-in as it stands after a change: the account's roles in place of the must-change mark.
     * The caller stores it in the security context.
     */
    public Authentication signedInAgain(Authentication signedIn) {
        UserDetails user = users.loadUserByUsername(signedIn.getName());
        UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        fresh.setDetails(signedIn.getDetails());
        return fresh;
    }

    /** A refused field: {@code current}, {@code next} or {@code confirmation}, and the message key of why. */
    public record Problem(String field, String messageKey) {
    }

    /**
     * Sets the new password if the policy allows it.
     *
     * @return the refused fields, empty when the password was changed
     */
    @Transactional
    public List<Problem> change(String username, String clientAddress, String current, String next, String confirmation) {
        StaffAccount account = accounts.byUsername(username)
                .orElseThrow(() -> new IllegalStateException("a signed-in staff member without an account"));
        List<Problem> problems = new ArrayList<>();
        if (!passwords.matches(current, account.passwordHash())) {
            throttle.failed(username, clientAddress);
            problems.add(new Problem("current", "password.error.current"));
        }
        if (next.length() < MIN_LENGTH) {
            problems.add(new Problem("next", "password.error.too-short"));
        }
        else if (passwords.matches(next, account.passwordHash())) {
            problems.add(new Problem("next", "password.error.same"));
        }
        if (!next.equals(confirmation)) {
            problems.add(new Problem("confirmation", "password.error.confirmation"));
        }
        if (problems.isEmpty()) {
            accounts.changePassword(username, passwords.encode(next));
            events.publishEvent(new StaffPasswordChanged(username, account.mustChangePassword()));
        }
        return problems;
    }
}
