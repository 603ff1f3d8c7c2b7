package org.hall24.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hall24.Hall24IntegrationTest;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The limiter counts in PostgreSQL: two instances (two nodes, or a node before and after a restart)
 * on the same database see the same counts. Each instance here has its own clock, started at the
 * same instant, so windows are under the test's control.
 */
@Hall24IntegrationTest
class RateLimiterTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RateLimiter applicationLimiter;

    /** The start of a 10-minute window, far from now so no other test's rows interfere. */
    final Instant windowStart = Instant.parse("2031-05-05T10:00:00Z");
    final MutableClock clock = new MutableClock(windowStart.plusSeconds(60));

    static String key() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void twoLimitersOnTheSameDatabaseShareTheirCounts() {
        RateLimit limit = RateLimit.fixed("test.shared", 3, Duration.ofMinutes(10));
        RateLimiter nodeA = new RateLimiter(jdbc, clock);
        RateLimiter nodeB = new RateLimiter(jdbc, clock);
        String key = key();

        assertThat(nodeA.hit(limit, key).allowed()).isTrue();
        assertThat(nodeB.hit(limit, key).allowed()).isTrue();
        assertThat(nodeA.hit(limit, key).allowed()).isTrue();
        RateLimiter.Decision fourth = nodeB.hit(limit, key);

        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofMinutes(9));
        assertThat(new RateLimiter(jdbc, clock).check(limit, key).allowed()).as("a limiter started afterwards").isFalse();
    }

    @Test
    void theApplicationsLimiterSeesWhatAnotherInstanceCounted() {
        RateLimit limit = RateLimit.fixed("test.bean", 1, Duration.ofDays(1));
        String key = key();

        assertThat(new RateLimiter(jdbc, java.time.Clock.systemUTC()).hit(limit, key).allowed()).isTrue();

        assertThat(applicationLimiter.check(limit, key).allowed()).isFalse();
        assertThat(applicationLimiter.hit(limit, key).allowed()).isFalse();
    }

    @Test
    void concurrentHitsNeverPassTheLimitTogether() throws Exception {
        RateLimit limit = RateLimit.fixed("test.concurrent", 5, Duration.ofMinutes(10));
        RateLimiter limiter = new RateLimiter(jdbc, clock);
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> hits = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                hits.add(() -> limiter.hit(limit, key).allowed());
            }
            long allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(hits)) {
                allowed += f.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFixedWindowAllowsAgainWhenTheNextWindowBegins() {
        RateLimit limit = RateLimit.fixed("test.fixed", 2, Duration.ofMinutes(10));
        RateLimiter limiter = new RateLimiter(jdbc, clock);
        String key = key();
        limiter.hit(limit, key);
        limiter.hit(limit, key);
        assertThat(limiter.check(limit, key)).isEqualTo(new RateLimiter.Decision(false, Duration.ofMinutes(9)));

        clock.advance(Duration.ofMinutes(9).minusSeconds(1));
        assertThat(limiter.check(limit, key).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.check(limit, key).allowed()).isTrue();
        assertThat(limiter.hit(limit, key).allowed()).isTrue();
    }

    @Test
    void aSlidingWindowWeighsThePreviousWindowByHowMuchOfItIsStillRecent() {
        RateLimit limit = RateLimit.sliding("test.sliding", 10, Duration.ofMinutes(10));
        RateLimiter limiter = new RateLimiter(jdbc, clock);
        String key = key();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.hit(limit, key).allowed()).isTrue();
        }
        assertThat(limiter.hit(limit, key).allowed()).as("the 11th within ten minutes").isFalse();

        // 11 hits at minute 1; at minute 12 (2 minutes into the next window) they weigh 11 × 0.8 = 8.8.
        clock.advance(Duration.ofMinutes(11));
        assertThat(limiter.hit(limit, key).allowed()).as("9.8").isTrue();
        RateLimiter.Decision refused = limiter.hit(limit, key);
        assertThat(refused.allowed()).as("10.8").isFalse();
        // 11 × (1 − f) + 2 < 10 from f = 3/11 of the window, 163.6… s into it; now is 120 s into it.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(44));
        clock.advance(Duration.ofSeconds(44));
        assertThat(limiter.check(limit, key).allowed()).isTrue();
    }

    @Test
    void limitsAndKeysCountApartAndResetForgetsAKey() {
        RateLimit a = RateLimit.fixed("test.a", 1, Duration.ofMinutes(10));
        RateLimit b = RateLimit.fixed("test.b", 1, Duration.ofMinutes(10));
        RateLimiter limiter = new RateLimiter(jdbc, clock);
        String key = key();
        String other = key();

        assertThat(limiter.hit(a, key).allowed()).isTrue();
        assertThat(limiter.hit(b, key).allowed()).isTrue();
        assertThat(limiter.hit(a, other).allowed()).isTrue();
        assertThat(limiter.hit(a, key, other).allowed()).isFalse();

        limiter.reset(a, key);
        assertThat(limiter.check(a, key).allowed()).isTrue();
        assertThat(limiter.check(a, other).allowed()).isFalse();
        assertThat(limiter.check(b, key).allowed()).isFalse();
    }

    @Test
    void theSweepDeletesRowsOnlyAfterTwoWindows() {
        RateLimit limit = RateLimit.fixed("test.sweep", 5, Duration.ofMinutes(10));
        RateLimiter limiter = new RateLimiter(jdbc, clock);
        String key = key();
        limiter.hit(limit, key);

        // The hit at minute 1 is in the window 0–10; a sliding limit reads it until minute 20.
        clock.advance(Duration.ofMinutes(18));
        limiter.sweep();
        assertThat(rows(limit, key)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        limiter.sweep();
        assertThat(rows(limit, key)).isZero();
    }

    int rows(RateLimit limit, String key) {
        return jdbc.sql("select count(*) from platform_rate_limit where key = ?").param(limit.name() + "|" + key)
                .query(Integer.class).single();
    }
}
