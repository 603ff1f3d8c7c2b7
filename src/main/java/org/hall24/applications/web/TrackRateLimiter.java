package org.hall24.applications.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits progress lookups: at most {@code hall24.applications.track.max-lookups} (10) per
 * {@code hall24.applications.track.window} (10 min) per client address and per filing number, in
 * this node's memory (a sliding window). With several nodes each counts its own share; put the
 * limit in the load balancer too when that matters.
 */
@Component
class TrackRateLimiter {

    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int max;
    private final Duration window;

    TrackRateLimiter(Clock clock, @Value("${hall24.applications.track.max-lookups:10}") int max,
            @Value("${hall24.applications.track.window:10m}") Duration window) {
        this.clock = clock;
        this.max = max;
        this.window = window;
    }

    /** Counts a lookup for every key; false if any key is over its limit (the lookup is then not counted). */
    boolean tryAcquire(String... keys) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        synchronized (this) {
            if (hits.size() > 100_000) {
                hits.values().removeIf(q -> q.isEmpty() || q.peekLast().isBefore(since));
            }
            for (String key : keys) {
                Deque<Instant> q = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
                while (!q.isEmpty() && q.peekFirst().isBefore(since)) {
                    q.pollFirst();
                }
                if (q.size() >= max) {
                    return false;
                }
            }
            for (String key : keys) {
                hits.get(key).addLast(now);
            }
            return true;
        }
    }
}
