package org.hall24.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The application's {@link TaskScheduler}: every periodic job ({@code @Scheduled} fixed delay,
 * fixed rate or cron) gets a thread of its own, named after the job ({@code job-DeviceHealth.check}),
 * so a job that blocks — an SMS provider that hangs, a slow query — delays only itself, never the
 * kiosk inactivity wipe (a privacy rule) or the device offline detection. One-shot tasks
 * ({@link #schedule(Runnable, Instant)}) share a small pool.
 *
 * <p>A periodic job never runs concurrently with itself on one node (as with Spring's default).
 * Across nodes, jobs claim their rows ({@code FOR UPDATE SKIP LOCKED}) or a lock. Thread-safe.
 */
final class ThreadPerJobScheduler implements TaskScheduler, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ThreadPerJobScheduler.class);

    private final Clock clock;
    private final ThreadPoolTaskScheduler oneShots;
    private final List<ThreadPoolTaskScheduler> jobs = new CopyOnWriteArrayList<>();

    ThreadPerJobScheduler(Clock clock, int oneShotThreads) {
        this.clock = clock;
        this.oneShots = scheduler("task-", oneShotThreads);
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        return own(task).schedule(task, trigger);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        return oneShots.schedule(task, startTime);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        return own(task).scheduleAtFixedRate(task, startTime, period);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        return own(task).scheduleAtFixedRate(task, period);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        return own(task).scheduleWithFixedDelay(task, startTime, delay);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        return own(task).scheduleWithFixedDelay(task, delay);
    }

    /** The names of the threads running periodic jobs, one per job. */
    List<String> jobThreadPrefixes() {
        return jobs.stream().map(ThreadPoolTaskScheduler::getThreadNamePrefix).toList();
    }

    private ThreadPoolTaskScheduler own(Runnable task) {
        ThreadPoolTaskScheduler scheduler = scheduler("job-" + name(task) + "-", 1);
        jobs.add(scheduler);
        log.debug("Periodic job {} runs on a thread of its own", name(task));
        return scheduler;
    }

    private ThreadPoolTaskScheduler scheduler(String prefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(prefix);
        scheduler.setClock(clock);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.setAcceptTasksAfterContextClose(false);
        scheduler.initialize();
        return scheduler;
    }

    /** {@code DeviceHealth.check} for a scheduled method; the runnable's own words otherwise. */
    static String name(Runnable task) {
        // A proxied bean's class reads JdbcNotifications$$SpringCGLIB$$0: keep the class's own name.
        String text = String.valueOf(task).replaceAll("\\$\\$[A-Za-z0-9$]*", "");
        String[] parts = text.replaceAll("[^A-Za-z0-9_.$]", "").split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : text;
        name = name.replaceAll("[^A-Za-z0-9_.]", "");
        return name.isEmpty() ? "periodic" : name.length() > 60 ? name.substring(name.length() - 60) : name;
    }

    @Override
    public void destroy() {
        jobs.forEach(ThreadPoolTaskScheduler::shutdown);
        oneShots.shutdown();
    }
}
