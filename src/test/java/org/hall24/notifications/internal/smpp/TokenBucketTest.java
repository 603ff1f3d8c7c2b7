package org.hall24.notifications.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong slept = new AtomicLong();

    private TokenBucket bucket(int perSecond) {
        return new TokenBucket(perSecond, now::get, nanos -> {
            slept.addAndGet(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void aBurstOfTpsGoesAtOnceThenOnePermitEveryTenthOfASecondAtTenPerSecond() throws InterruptedException {
        TokenBucket bucket = bucket(10);

        for (int i = 0; i < 10; i++) {
            bucket.acquire();
        }
        assertThat(slept.get()).isZero();

        for (int i = 0; i < 20; i++) {
            bucket.acquire();
        }
        assertThat(slept.get()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void anIdleBucketFillsUpToTpsOnly() throws InterruptedException {
        TokenBucket bucket = bucket(5);
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));

        for (int i = 0; i < 6; i++) {
            bucket.acquire();
        }

        assertThat(slept.get()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }
}
