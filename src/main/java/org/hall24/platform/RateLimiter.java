package org.hall24.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate limits kept in PostgreSQL ({@code platform_rate_limit}), so they hold across restarts and are
 * shared by every node: one row per key and window, counted with one atomic upsert
 * ({@code INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING count}), no lock held in
 * Java and no read-modify-write race. Rows live two windows and are swept by a periodic job (any
 * node may run it; deleting twice is harmless).
 * <p>
 * Keys are stored as given, prefixed with the limit's name: callers pass no personal data in clear
 * (a phone as {@link PersonalDataCipher#blindIndex}). A hit counts in a transaction of its own, so
 * it stays counted when the caller's work fails or is refused. A refused hit is counted too: a
 * client that keeps hammering stays refused. Thread-safe.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    public RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts one hit for every key.
     *
     * @return allowed when every key stayed within the limit with this hit; else refused with the
     *         longest wait among the keys over it
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Decision hit(RateLimit limit, String... keys) {
        Instant now = clock.instant();
        Decision result = Decision.ALLOWED;
        for (String key : keys) {
            Window window = Window.at(limit, now);
            int[] counts = jdbc.sql("""
                    with hit as (
                        insert into platform_rate_limit (key, window_start, count, expires_at) values (?, ?, 1, ?)
                        on conflict (key, window_start) do update set count = platform_rate_limit.count + 1
                        returning count)
                    select hit.count,
                           coalesce((select p.count from platform_rate_limit p where p.key = ? and p.window_start = ?), 0)
                    from hit""")
                    .params(stored(limit, key), Timestamp.from(window.start()), Timestamp.from(window.start().plus(limit.window().multipliedBy(2))),
                            stored(limit, key), Timestamp.from(window.start().minus(limit.window())))
                    .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                    .single();
            // With this hit counted, the key is over when the estimate exceeds max.
            Decision decision = window.decide(limit, counts[1], counts[0], true);
            if (!decision.allowed() && (result.allowed() || decision.retryAfter().compareTo(result.retryAfter()) > 0)) {
                result = decision;
            }
        }
        return result;
    }

    /**
     * Whether one more hit for the key would be allowed, without counting one.
     *
     * @return allowed, or refused with how long until one more hit would be allowed (when nothing else is counted)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Decision check(RateLimit limit, String key) {
        Instant now = clock.instant();
        Window window = Window.at(limit, now);
        int[] counts = jdbc.sql("""
                select coalesce(sum(count) filter (where window_start = ?), 0),
                       coalesce(sum(count) filter (where window_start = ?), 0)
                from platform_rate_limit where key = ? and window_start in (?, ?)""")
                .params(Timestamp.from(window.start()), Timestamp.from(window.start().minus(limit.window())), stored(limit, key),
                        Timestamp.from(window.start()), Timestamp.from(window.start().minus(limit.window())))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
        return window.decide(limit, counts[1], counts[0], false);
    }

    /** Forgets the key's hits under the limit (e.g. a successful sign-in clears the failures). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reset(RateLimit limit, String key) {
        jdbc.sql("delete from platform_rate_limit where key = ?").param(stored(limit, key)).update();
    }

    /** Deletes the rows no limit reads any more. */
    @Scheduled(fixedDelayString = "${hall24.rate-limits.sweep-period:5m}", initialDelayString = "${hall24.rate-limits.sweep-period:5m}")
    public int sweep() {
        int swept = jdbc.sql("delete from platform_rate_limit where expires_at <= ?").param(Timestamp.from(clock.instant())).update();
        if (swept > 0) {
            log.debug("Swept {} expired rate-limit rows", swept);
        }
        return swept;
    }

    private static String stored(RateLimit limit, String key) {
        return limit.name() + "|" + key;
    }

    /**
     * A limit's answer for a key.
     *
     * @param allowed whether the hit (for {@link #hit}) or one more hit (for {@link #check}) is within the limit
     * @param retryAfter when refused, how long until one more hit would be allowed (at least a second); zero when allowed
     */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    /** The window that holds {@code now}, and where in it {@code now} lies. */
    private record Window(Instant start, Instant now, Duration length) {

        static Window at(RateLimit limit, Instant now) {
            long length = limit.window().toMillis();
            long start = Math.floorDiv(now.toEpochMilli(), length) * length;
            return new Window(Instant.ofEpochMilli(start), now, limit.window());
        }

        /**
         * @param previous the previous window's hits
         * @param current the current window's hits
         * @param counted whether {@code current} includes the hit being decided (then allowed while the
         *                estimate is at most max; else allowed while there is room for one more)
         */
        Decision decide(RateLimit limit, int previous, int current, boolean counted) {
            double elapsed = (double) Duration.between(start, now).toMillis() / length.toMillis();
            double estimate = current + (limit.kind() == RateLimit.Kind.SLIDING ? previous * (1 - elapsed) : 0);
            boolean allowed = counted ? estimate <= limit.max() : estimate < limit.max();
            if (allowed) {
                return Decision.ALLOWED;
            }
            // When, with no further hits, the estimate falls below max (room for one more hit); for a
            // sliding limit it reaches max at that instant, so a millisecond later.
            Instant free;
            if (limit.kind() == RateLimit.Kind.FIXED || current >= limit.max()) {
                double into = limit.kind() == RateLimit.Kind.FIXED ? 0 : 1 - (double) limit.max() / current;
                free = start.plus(length).plus(fraction(into));
            }
            else {
                free = start.plus(fraction(1 - (double) (limit.max() - current) / previous));
            }
            if (limit.kind() == RateLimit.Kind.SLIDING) {
                free = free.plusMillis(1);
            }
            Duration wait = Duration.between(now, free);
            return new Decision(false, wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : Duration.ofSeconds(wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)));
        }

        private Duration fraction(double of) {
            return Duration.ofMillis((long) Math.ceil(Math.max(0, of) * length.toMillis()));
        }
    }
}
