package org.hall24.device.gateway;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Runs device work one device at a time and many devices at once: every device has its own
 * queue (its <em>lane</em>), whose tasks run in the order they were queued, one after the other,
 * on a pool of {@code hall24.devices.gateway.workers} threads; a worker takes a device with work,
 * runs a few of its tasks and passes on, so a device whose work is slow holds one worker and
 * delays no other device. The gateway queues each device's status, telemetry and events on it,
 * and {@code DeviceHealth} its own changes of a device's state (the periodic check, alerts raised
 * by commands), so a device's state is only ever changed on its lane, without a lock.
 *
 * <p>Command replies have lanes of their own on a separate small pool
 * ({@code hall24.devices.gateway.reply-workers}): a task on a device's lane may send that device
 * a command and wait for the reply, which never waits behind the device's other messages nor for
 * a worker of the busy pool.
 *
 * <p>Messages are bounded per lane ({@code hall24.devices.gateway.queue-capacity}): {@link #submit}
 * waits for room (back-pressure up to the MQTT client and the broker), {@link #offer} gives up.
 * The device state's own tasks ({@link #execute}) are never refused nor made to wait. On stop,
 * {@link #drain} stops taking messages and lets the queued ones finish, for a bounded time.
 *
 * <p>Measured with Micrometer: {@code hall24.device.dispatch.queued} (messages waiting),
 * {@code hall24.device.dispatch.waiting} and {@code hall24.device.dispatch.handling} (time a task
 * waited in its lane, and took; tag {@code pool}: devices, replies),
 * {@code hall24.device.dispatch.blocked} (messages that had to wait for room) and
 * {@code hall24.device.dispatch.dropped} (offered messages refused because the lane was full).
 *
 * <p>Thread-safe.
 */
@Component
public class DeviceDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeviceDispatcher.class);
    /** Tasks a worker runs for one lane before it lets other lanes have a turn. */
    static final int BATCH = 16;
    private static final String REPLIES = "/replies";

    private final int capacity;
    private final Pool devices;
    private final Pool replies;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ThreadLocal<@Nullable Lane> current = new ThreadLocal<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Object idle = new Object();
    private int messages; // submitted and not yet finished; guarded by idle
    private volatile boolean accepting = true;
    private final Counter blocked;
    private final Counter dropped;

    @Autowired
    DeviceDispatcher(DevicesProperties properties, ObjectProvider<MeterRegistry> meters) {
        this(properties.workers(), properties.replyWorkers(), properties.queueCapacity(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    DeviceDispatcher(int workers, int replyWorkers, int capacity, MeterRegistry registry) {
        if (workers < 1 || replyWorkers < 1 || capacity < 1) {
            throw new IllegalArgumentException("workers, reply workers and queue capacity must be at least 1");
        }
        this.capacity = capacity;
        this.devices = new Pool("devices", workers, registry);
        this.replies = new Pool("replies", replyWorkers, registry);
        Gauge.builder("hall24.device.dispatch.queued", queued, AtomicInteger::get)
                .description("Device messages waiting in their device's lane").register(registry);
        this.blocked = Counter.builder("hall24.device.dispatch.blocked")
                .description("Device messages that waited for room in their device's lane (back-pressure)")
                .register(registry);
        this.dropped = Counter.builder("hall24.device.dispatch.dropped")
                .description("QoS 0 device messages dropped because their device's lane was full")
                .register(registry);
    }

    /**
     * Runs {@code task} on the device's lane after what is queued there; returns at once. Never
     * refused, never waits for room: for the platform's own changes of a device's state, not for
     * messages. A task that throws is logged.
     */
    public void execute(String deviceCode, Runnable task) {
        withoutWaiting(deviceCode, task, Mode.ALWAYS);
    }

    /**
     * Runs {@code task} now when the calling thread is on the device's lane (a task of that
     * device), else queues it there as {@link #execute} does.
     */
    public void runOn(String deviceCode, Runnable task) {
        Lane lane = current.get();
        if (lane != null && lane.key.equals(deviceCode)) {
            task.run();
        }
        else {
            execute(deviceCode, task);
        }
    }

    /**
     * Queues a device's message on its lane, waiting while the lane holds
     * {@code queue-capacity} messages.
     *
     * @return {@code false} when the dispatcher is draining: the message was not taken
     * @throws InterruptedException when interrupted while waiting for room
     */
    boolean submit(String deviceCode, Runnable task) throws InterruptedException {
        return enqueue(deviceCode, devices, task, Mode.WAIT);
    }

    /** Queues a device's message on its lane if there is room; {@code false} (and counted) if not, or when draining. */
    boolean offer(String deviceCode, Runnable task) {
        return withoutWaiting(deviceCode, task, Mode.OFFER);
    }

    private boolean withoutWaiting(String deviceCode, Runnable task, Mode mode) {
        try {
            return enqueue(deviceCode, devices, task, mode);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(mode + " does not wait", e);
        }
    }

    /** Queues a device's command reply on the device's reply lane, waiting for room as {@link #submit} does. */
    boolean submitReply(String deviceCode, Runnable task) throws InterruptedException {
        return enqueue(deviceCode + REPLIES, replies, task, Mode.WAIT);
    }

    /**
     * Stops taking messages ({@link #submit} and {@link #offer} answer {@code false}, those waiting for
     * room included) and waits until the messages taken were handled, at most {@code timeout}.
     *
     * @return whether every message taken was handled
     */
    boolean drain(Duration timeout) {
        accepting = false;
        lanes.values().forEach(lane -> {
            synchronized (lane) {
                lane.notifyAll();
            }
        });
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (messages > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Takes messages again after {@link #drain}. */
    void resume() {
        accepting = true;
    }

    /** Messages waiting in their lanes now. */
    int queued() {
        return queued.get();
    }

    /** Messages that had to wait for room since start. */
    long blockedCount() {
        return (long) blocked.count();
    }

    /** QoS 0 messages dropped for want of room since start. */
    long droppedCount() {
        return (long) dropped.count();
    }

    @Override
    public void destroy() {
        drain(Duration.ofSeconds(1));
        devices.executor.shutdownNow();
        replies.executor.shutdownNow();
    }

    private enum Mode { ALWAYS, WAIT, OFFER }

    private boolean enqueue(String key, Pool pool, Runnable body, Mode mode) throws InterruptedException {
        boolean message = mode != Mode.ALWAYS;
        retry:
        while (true) {
            Lane lane = lanes.computeIfAbsent(key, k -> new Lane(k, pool));
            boolean schedule;
            synchronized (lane) {
                boolean waited = false;
                while (true) {
                    if (lane.retired) {
                        continue retry;
                    }
                    if (message && !accepting) {
                        return false;
                    }
                    if (!message || lane.messages < capacity) {
                        break;
                    }
                    if (mode == Mode.OFFER) {
                        dropped.increment();
                        return false;
                    }
                    if (!waited) {
                        blocked.increment();
                        waited = true;
                    }
                    lane.wait(100);
                }
                lane.tasks.add(new Task(body, message, System.nanoTime()));
                if (message) {
                    lane.messages++;
                    queued.incrementAndGet();
                    synchronized (idle) {
                        messages++;
                    }
                }
                schedule = !lane.scheduled;
                lane.scheduled = true;
            }
            if (schedule) {
                lane.schedule();
            }
            return true;
        }
    }

    private void finished(Task task) {
        if (task.message) {
            synchronized (idle) {
                if (--messages == 0) {
                    idle.notifyAll();
                }
            }
        }
    }

    private record Task(Runnable body, boolean message, long queuedAt) {
    }

    /** A pool of workers and the timers of its tasks. */
    private static final class Pool {
        final ExecutorService executor;
        final Timer waiting;
        final Timer handling;

        Pool(String name, int threads, MeterRegistry registry) {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "device-" + name + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), factory);
            executor.allowCoreThreadTimeOut(true);
            this.executor = executor;
            this.waiting = Timer.builder("hall24.device.dispatch.waiting").tag("pool", name)
                    .description("Time a device task waited in its lane").register(registry);
            this.handling = Timer.builder("hall24.device.dispatch.handling").tag("pool", name)
                    .description("Time a device task took").register(registry);
        }
    }

    /**
     * One device's queue. Scheduled on its pool while it has tasks (at most once at a time, which
     * keeps the order); retired and forgotten when empty, so idle devices cost nothing.
     */
    private final class Lane implements Runnable {
        final String key;
        final Pool pool;
        final ArrayDeque<Task> tasks = new ArrayDeque<>(); // guarded by this
        int messages; // tasks counted against the capacity; guarded by this
        boolean scheduled; // on the pool or running; guarded by this
        boolean retired; // out of the map, takes nothing more; guarded by this

        Lane(String key, Pool pool) {
            this.key = key;
            this.pool = pool;
        }

        void schedule() {
            try {
                pool.executor.execute(this);
            }
            catch (RejectedExecutionException e) {
                log.debug("Device dispatcher stopped; lane {} not run", key);
            }
        }

        @Override
        public void run() {
            current.set(this);
            try {
                for (int n = 0; n < BATCH; n++) {
                    Task task;
                    synchronized (this) {
                        task = tasks.poll();
                        if (task == null) {
                            scheduled = false;
                            retired = true;
                            lanes.remove(key, this);
                            return;
                        }
                        if (task.message) {
                            messages--;
                            queued.decrementAndGet();
                            notifyAll();
                        }
                    }
                    long started = System.nanoTime();
                    pool.waiting.record(started - task.queuedAt, TimeUnit.NANOSECONDS);
                    try {
                        task.body.run();
                    }
                    catch (RuntimeException | Error e) {
                        log.error("Device task on lane {} failed: {}", key, e.toString());
                    }
                    finally {
                        pool.handling.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                        finished(task);
                    }
                }
            }
            finally {
                current.remove();
            }
            schedule();
        }
    }
}
