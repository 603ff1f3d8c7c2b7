package org.hall24.notifications.internal.smpp;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} permits a second, with a burst of at most {@code perSecond}: a caller
 * that finds the bucket empty waits for the next token. For the SMPP provider's submits, taken on
 * the dispatcher's own thread, which may wait. Thread-safe.
 */
final class TokenBucket {

    /** Waits; a test's sleeper advances its clock instead. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final int perSecond;
    private final long nanosPerToken;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long updatedAt;

    TokenBucket(int perSecond) {
        this(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    TokenBucket(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("at least one permit a second");
        }
        this.perSecond = perSecond;
        this.nanosPerToken = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = perSecond;
        this.updatedAt = nanoTime.getAsLong();
    }

    /** Takes a permit, waiting for one if needed. */
    void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                wait = (long) Math.ceil((1 - tokens) * nanosPerToken);
            }
            sleeper.sleepNanos(Math.max(wait, 1));
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(perSecond, tokens + (double) elapsed / nanosPerToken);
            updatedAt = now;
        }
    }
}
