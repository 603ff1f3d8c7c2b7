package org.hall24.device.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The per-device ordered dispatch the gateway hands device messages to. */
class DeviceDispatcherTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<CountDownLatch> toRelease = new CopyOnWriteArrayList<>();
    DeviceDispatcher dispatcher;

    DeviceDispatcher dispatcher(int workers, int capacity) {
        dispatcher = new DeviceDispatcher(workers, 1, capacity, meters);
        return dispatcher;
    }

    CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        toRelease.add(latch);
        return latch;
    }

    static void block(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        toRelease.forEach(CountDownLatch::countDown);
        if (dispatcher != null) {
            dispatcher.destroy();
        }
    }

    @Test
    void eachDevicesMessagesRunInTheOrderTheyCameAndNeverTwoAtOnceWhileDevicesRunInParallel() throws Exception {
        DeviceDispatcher lanes = dispatcher(8, 1000);
        int devices = 40;
        int perDevice = 250;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicInteger maxParallel = new AtomicInteger();
        AtomicInteger parallel = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(devices * perDevice);
        for (int i = 0; i < perDevice; i++) {
            for (int d = 0; d < devices; d++) {
                String device = "D-" + d;
                int seq = i;
                lanes.submit(device, () -> {
                    if (running.computeIfAbsent(device, k -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlapped.set(true);
                    }
                    maxParallel.accumulateAndGet(parallel.incrementAndGet(), Math::max);
                    seen.computeIfAbsent(device, k -> new CopyOnWriteArrayList<>()).add(seq);
                    Thread.onSpinWait();
                    parallel.decrementAndGet();
                    running.get(device).decrementAndGet();
                    done.countDown();
                });
            }
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).as("all handled").isTrue();
        assertThat(overlapped).as("two messages of one device at once").isFalse();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perDevice; i++) {
            expected.add(i);
        }
        assertThat(seen).hasSize(devices).allSatisfy((device, order) -> assertThat(order).as(device).isEqualTo(expected));
        assertThat(maxParallel.get()).as("devices handled in parallel").isGreaterThan(1);
    }

    @Test
    void aDeviceWhoseMessageIsSlowDelaysNoOtherDevice() throws Exception {
        DeviceDispatcher lanes = dispatcher(2, 10);
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = latch();
        lanes.submit("SLOW", () -> {
            slowStarted.countDown();
            block(release);
        });
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        // Whatever their codes: no device shares a lane with another.
        CountDownLatch others = new CountDownLatch(50);
        for (int d = 0; d < 50; d++) {
            lanes.submit("FAST-" + d, others::countDown);
        }
        assertThat(others.await(5, TimeUnit.SECONDS)).as("other devices handled while SLOW is stuck").isTrue();
        assertThat(release.getCount()).as("SLOW still stuck").isEqualTo(1);
    }

    @Test
    void aFullLaneMakesTheSubmitterWaitUntilThereIsRoomAndRefusesAQos0Offer() throws Exception {
        DeviceDispatcher lanes = dispatcher(2, 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = latch();
        List<String> order = new CopyOnWriteArrayList<>();
        lanes.submit("D", () -> {
            started.countDown();
            block(release);
            order.add("first");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        lanes.submit("D", () -> order.add("second"));
        lanes.submit("D", () -> order.add("third"));
        assertThat(lanes.queued()).isEqualTo(2);

        assertThat(lanes.offer("D", () -> order.add("offered"))).as("QoS 0 offer to a full lane").isFalse();
        assertThat(lanes.droppedCount()).isEqualTo(1);

        AtomicBoolean fourthTaken = new AtomicBoolean();
        Thread submitter = new Thread(() -> {
            try {
                fourthTaken.set(lanes.submit("D", () -> order.add("fourth")));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        submitter.start();
        await().atMost(WAIT).until(() -> lanes.blockedCount() == 1);
        assertThat(submitter.isAlive()).as("the submitter waits for room").isTrue();

        release.countDown();
        submitter.join(5000);
        assertThat(fourthTaken).isTrue();
        await().atMost(WAIT).until(() -> order.size() == 4);
        assertThat(order).containsExactly("first", "second", "third", "fourth");
    }

    @Test
    void theDeviceStatesOwnTasksNeverWaitForRoomAndKeepTheirPlaceInTheOrder() throws Exception {
        DeviceDispatcher lanes = dispatcher(1, 1);
        CountDownLatch release = latch();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        lanes.submit("D", () -> {
            started.countDown();
            block(release);
            order.add("message 1");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        lanes.submit("D", () -> order.add("message 2"));
        for (int i = 1; i <= 3; i++) {
            int n = i;
            lanes.execute("D", () -> order.add("check " + n));
        }
        assertThat(lanes.blockedCount()).isZero();
        release.countDown();
        await().atMost(WAIT).until(() -> order.size() == 5);
        assertThat(order).containsExactly("message 1", "message 2", "check 1", "check 2", "check 3");
    }

    @Test
    void runOnRunsAtOnceOnTheDevicesOwnLaneAndQueuesFromAnywhereElse() throws Exception {
        DeviceDispatcher lanes = dispatcher(2, 10);
        List<String> order = new CopyOnWriteArrayList<>();
        java.util.Map<String, Thread> threads = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        lanes.submit("D", () -> {
            threads.put("D", Thread.currentThread());
            lanes.runOn("D", () -> {
                threads.put("inline", Thread.currentThread());
                order.add("inline");
            });
            lanes.runOn("E", () -> {
                threads.put("other lane", Thread.currentThread());
                otherRan.countDown();
            });
            try {
                // Wait here for it, so it can only run on another worker, never after this task on this one.
                otherRan.await(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("after");
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
        // Its own lane's task ran at once, on the same thread, before the caller went on.
        assertThat(order).containsExactly("inline", "after");
        assertThat(threads.get("inline")).isSameAs(threads.get("D"));
        // Another lane's task was queued to that lane, so it ran on another thread.
        assertThat(threads.get("other lane")).isNotSameAs(threads.get("D"));
    }

    @Test
    void aReplyIsHandledWhileItsDevicesLaneIsBusy() throws Exception {
        DeviceDispatcher lanes = dispatcher(1, 10);
        CountDownLatch release = latch();
        CountDownLatch started = new CountDownLatch(1);
        lanes.submit("D", () -> {
            started.countDown();
            block(release);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch replied = new CountDownLatch(1);
        lanes.submitReply("D", replied::countDown);
        assertThat(replied.await(5, TimeUnit.SECONDS)).as("reply handled while the only device worker is busy").isTrue();
    }

    @Test
    void drainLetsTheQueuedMessagesFinishThenRefusesNewOnesUntilResumed() throws Exception {
        DeviceDispatcher lanes = dispatcher(2, 10);
        AtomicInteger handled = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            lanes.submit("D-" + (i % 3), () -> {
                try {
                    Thread.sleep(5);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handled.incrementAndGet();
            });
        }
        assertThat(lanes.drain(WAIT)).isTrue();
        assertThat(handled).hasValue(20);
        assertThat(lanes.submit("D-0", handled::incrementAndGet)).isFalse();
        assertThat(lanes.offer("D-0", handled::incrementAndGet)).isFalse();

        lanes.resume();
        CountDownLatch again = new CountDownLatch(1);
        assertThat(lanes.submit("D-0", again::countDown)).isTrue();
        assertThat(again.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void drainGivesUpAfterItsTimeoutOnAMessageThatDoesNotFinishAndReleasesAWaitingSubmitter() throws Exception {
        DeviceDispatcher lanes = dispatcher(1, 1);
        CountDownLatch release = latch();
        CountDownLatch started = new CountDownLatch(1);
        lanes.submit("D", () -> {
            started.countDown();
            block(release);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        lanes.submit("D", () -> {
        });
        AtomicBoolean taken = new AtomicBoolean(true);
        Thread submitter = new Thread(() -> {
            try {
                taken.set(lanes.submit("D", () -> {
                }));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        submitter.start();
        await().atMost(WAIT).until(() -> lanes.blockedCount() == 1);

        assertThat(lanes.drain(Duration.ofMillis(200))).isFalse();
        submitter.join(5000);
        assertThat(submitter.isAlive()).isFalse();
        assertThat(taken).as("the waiting message was not taken").isFalse();
    }

    @Test
    void queueDepthAndHandlingTimeAreMeasured() throws Exception {
        DeviceDispatcher lanes = dispatcher(1, 10);
        CountDownLatch release = latch();
        CountDownLatch started = new CountDownLatch(1);
        lanes.submit("D", () -> {
            started.countDown();
            block(release);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        lanes.submit("D", () -> {
        });
        lanes.submit("D", () -> {
        });
        assertThat(meters.get("hall24.device.dispatch.queued").gauge().value()).isEqualTo(2.0);
        release.countDown();
        assertThat(lanes.drain(WAIT)).isTrue();
        assertThat(meters.get("hall24.device.dispatch.queued").gauge().value()).isZero();
        assertThat(meters.get("hall24.device.dispatch.handling").tag("pool", "devices").timer().count()).isEqualTo(3);
        assertThat(meters.get("hall24.device.dispatch.waiting").tag("pool", "devices").timer().count()).isEqualTo(3);
    }
}
