package org.hall24.platform;

import java.time.Duration;

/**
 * A limit on how often something may happen per key: at most {@code max} hits per {@code window}.
 *
 * @param name what is limited, e.g. {@code track.lookup}; part of the stored key, so two limits never share counts
 * @param max the hits allowed in one window, at least 1
 * @param window the window's length, at least one second
 * @param kind how windows are counted
 */
public record RateLimit(String name, int max, Duration window, Kind kind) {

    public RateLimit {
        if (name.isBlank() || name.contains("|")) {
            throw new IllegalArgumentException("a rate limit's name must be non-blank and must not contain '|'");
        }
        if (max < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one hit, not " + max);
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a rate limit's window is at least one second, not " + window);
        }
    }

    /** At most {@code max} hits in any period of {@code window} (approximately; see {@link Kind#SLIDING}). */
    public static RateLimit sliding(String name, int max, Duration window) {
        return new RateLimit(name, max, window, Kind.SLIDING);
    }

    /** At most {@code max} hits in each window of {@code window}, windows aligned on the epoch. */
    public static RateLimit fixed(String name, int max, Duration window) {
        return new RateLimit(name, max, window, Kind.FIXED);
    }

    public enum Kind {
        /**
         * Windows aligned on the epoch; a key refused in one is allowed again when the next begins (at
         * most one window later). Allows up to twice {@code max} across a window's boundary.
         */
        FIXED,
        /**
         * The sliding-window counter: the current window's hits plus the previous window's, weighted by
         * how much of the previous window still lies within one window of now. Smooths the boundary of
         * {@link #FIXED} at the cost of being an estimate (exact when hits are spread evenly).
         */
        SLIDING
    }
}
