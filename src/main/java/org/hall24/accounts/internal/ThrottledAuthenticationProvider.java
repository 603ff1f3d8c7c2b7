package org.hall24.accounts.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a sign-in against the {@link SignInThrottle} around the password check: a locked name or
 * address is refused before its password is looked at; a failure is counted, and the failure that
 * reaches the limit is answered as locked; a success clears the name's failures.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            throw new SignInLockedException(locked.get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        }
        catch (AuthenticationException e) {
            Optional<Duration> nowLocked = throttle.failed(username, address);
            if (nowLocked.isPresent()) {
                throw new SignInLockedException(nowLocked.get());
            }
            throw e;
        }
        throttle.succeeded(username);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Sign-in is paused for this name or address; {@link #retryAfter()} says for how long at most. */
    static final class SignInLockedException extends AuthenticationException {

        private final Duration retryAfter;

        SignInLockedException(Duration retryAfter) {
            super("too many failed sign-ins; locked for " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
