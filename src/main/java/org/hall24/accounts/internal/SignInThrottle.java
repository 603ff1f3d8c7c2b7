package org.hall24.accounts.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.hall24.accounts.StaffSignInFailed;
import org.hall24.accounts.StaffSignInLocked;
import org.hall24.platform.RateLimit;
import org.hall24.platform.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed staff sign-ins, counted in PostgreSQL ({@link RateLimiter}, so every node sees them): after
 * {@code hall24.accounts.sign-in.max-failures} (5) failures for one username, or
 * {@code hall24.accounts.sign-in.max-failures-per-address} (20) from one client address, within a
 * window of {@code hall24.accounts.sign-in.lockout} (15 min, fixed windows), that name or address is
 * locked until the window ends — at most that long — and every sign-in for it is refused unchecked,
 * even with the right password. Names count whether or not an account has them, so a lock tells
 * nothing about which exist. A successful sign-in clears its name's failures. Each failure and each
 * lock is published for the audit trail.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    static final int MAX_NAME = 64;

    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final RateLimit perName;
    private final RateLimit perAddress;

    SignInThrottle(RateLimiter limiter, ApplicationEventPublisher events,
            @Value("${hall24.accounts.sign-in.max-failures:5}") int maxFailures,
            @Value("${hall24.accounts.sign-in.max-failures-per-address:20}") int maxPerAddress,
            @Value("${hall24.accounts.sign-in.lockout:15m}") Duration lockout) {
        this.limiter = limiter;
        this.events = events;
        this.perName = RateLimit.fixed("accounts.sign-in.username", maxFailures, lockout);
        this.perAddress = RateLimit.fixed("accounts.sign-in.address", maxPerAddress, lockout);
    }

    /** The name as counted and audited: trimmed, lower case, at most {@value #MAX_NAME} characters. */
    static String name(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /**
     * How long the name or the address is still locked; empty when a sign-in may be checked. A
     * refused attempt is published as a failure while locked.
     */
    @Transactional
    public Optional<Duration> lockedFor(String username, String clientAddress) {
        String name = name(username);
        RateLimiter.Decision byName = limiter.check(perName, name);
        RateLimiter.Decision byAddress = limiter.check(perAddress, clientAddress);
        if (byName.allowed() && byAddress.allowed()) {
            return Optional.empty();
        }
        events.publishEvent(new StaffSignInFailed(name, clientAddress, true));
        return Optional.of(longer(byName, byAddress));
    }

    /**
     * Counts a failed sign-in.
     *
     * @return how long the name or the address is now locked, when this failure locked it
     */
    @Transactional
    public Optional<Duration> failed(String username, String clientAddress) {
        String name = name(username);
        events.publishEvent(new StaffSignInFailed(name, clientAddress, false));
        RateLimiter.Decision byName = limiter.hit(perName, name);
        RateLimiter.Decision byAddress = limiter.hit(perAddress, clientAddress);
        // Locked as soon as no further attempt would be allowed: the failure that reaches the limit locks.
        RateLimiter.Decision nextByName = byName.allowed() ? limiter.check(perName, name) : byName;
        RateLimiter.Decision nextByAddress = byAddress.allowed() ? limiter.check(perAddress, clientAddress) : byAddress;
        if (nextByName.allowed() && nextByAddress.allowed()) {
            return Optional.empty();
        }
        if (!nextByName.allowed()) {
            events.publishEvent(new StaffSignInLocked(name, clientAddress, "username", nextByName.retryAfter()));
            log.warn("Sign-in locked for a username after {} failures, for up to {}", perName.max(), nextByName.retryAfter());
        }
        if (!nextByAddress.allowed()) {
            events.publishEvent(new StaffSignInLocked(name, clientAddress, "address", nextByAddress.retryAfter()));
            log.warn("Sign-in locked for address {} after {} failures, for up to {}", clientAddress, perAddress.max(),
                    nextByAddress.retryAfter());
        }
        return Optional.of(longer(nextByName, nextByAddress));
    }

    /** Clears the name's failures after a successful sign-in (the address keeps its count). */
    public void succeeded(String username) {
        limiter.reset(perName, name(username));
    }

    private static Duration longer(RateLimiter.Decision a, RateLimiter.Decision b) {
        Duration x = a.allowed() ? Duration.ZERO : a.retryAfter();
        Duration y = b.allowed() ? Duration.ZERO : b.retryAfter();
        return x.compareTo(y) >= 0 ? x : y;
    }
}
