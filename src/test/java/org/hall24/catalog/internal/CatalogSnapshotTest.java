package org.hall24.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hall24.Hall24IntegrationTest;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the catalog never waits on the database while a snapshot exists: one reader at a time
 * looks at the stored revision, every other reader keeps the snapshot it has.
 */
@Hall24IntegrationTest
class CatalogSnapshotTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEventPublisher events;

    /** The store, with a revision query that can be made to hang until released. */
    static final class StuckStore extends ServiceItems {

        volatile boolean stuck;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger revisionQueries = new AtomicInteger();

        StuckStore(JdbcClient jdbc, JsonMapper json) {
            super(jdbc, json);
        }

        @Override
        long revision() {
            revisionQueries.incrementAndGet();
            if (stuck) {
                entered.countDown();
                try {
                    release.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.revision();
        }
    }

    @Test
    void aReaderIsNotBlockedWhileAnotherRefreshesAndOnlyOneRefreshes() throws Exception {
        StuckStore store = new StuckStore(jdbc, json);
        MutableClock clock = new MutableClock(Instant.now());
        CatalogService catalog = new CatalogService(store, events, clock);
        int items = catalog.size();
        assertThat(items).isPositive();

        store.stuck = true;
        clock.advance(Duration.ofSeconds(2));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> refresher = threads.submit(catalog::size);
            assertThat(store.entered.await(10, TimeUnit.SECONDS)).as("the first stale read looks at the revision").isTrue();

            Future<Integer> reader = threads.submit(() -> catalog.categories().size());
            Future<Integer> another = threads.submit(catalog::size);
            assertThat(reader.get(5, TimeUnit.SECONDS)).as("a reader gets the snapshot while the refresh hangs").isPositive();
            assertThat(another.get(5, TimeUnit.SECONDS)).isEqualTo(items);
            assertThat(refresher.isDone()).as("the refresh is still stuck").isFalse();
            assertThat(store.revisionQueries.get()).as("one initial load and one refresh, not one per reader").isEqualTo(2);

            store.release.countDown();
            assertThat(refresher.get(10, TimeUnit.SECONDS)).isEqualTo(items);
        }
        finally {
            store.release.countDown();
            threads.shutdownNow();
        }
    }
}
