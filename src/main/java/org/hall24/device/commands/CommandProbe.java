package org.hall24.device.commands;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hall24.device.CommandOutcome;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.device.health.DeviceHealth;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Measures the command round trip as the platform sees it: with {@code hall24.devices.probe.rate}
 * (commands per second, default 0 = off) above zero it sends {@code unlock-screen} — idempotent
 * and harmless: a kiosk that is already unlocked stays so — to a random online device at that
 * rate through {@link DeviceCommands}, exactly the path an operator's command takes (recorded in
 * {@code device_command}, published over MQTT, the device's reply matched by correlation id), and
 * logs the round trip's p50, p99 and maximum, the commands that timed out or failed, every 10 s and
 * at shutdown (over the whole run):
 * <pre>command probe (last 10 s): 200 sent, 200 ok, 0 timed out, 0 error, 0 offline; round trip p50 1.9 ms, p99 6.3 ms, max 9.0 ms</pre>
 *
 * <p>Besides the benchmark ({@code bench/devices.sh}), it doubles as an <b>operational
 * responsiveness probe</b>: a low rate (e.g. {@code 0.2}, one command every 5 s) in production
 * shows at once when the broker, the database or the devices' agents slow down, before an
 * applicant waits at a kiosk. Note that it does unlock the screens it probes; do not enable it
 * where screens are locked on purpose (maintenance).
 *
 * <p>Commands are sent from a small pool, so a slow or silent device does not hold the rate back;
 * the timeout is {@code hall24.devices.probe.timeout} (default 5 s). Round-trip samples are kept
 * per window (sorted for the percentiles) and, for the run's total, in a reservoir of 100,000.
 */
@Component
class CommandProbe implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandProbe.class);
    static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final int RESERVOIR = 100_000;

    private final DeviceCommands commands;
    private final DeviceHealth health;
    private final double rate;
    private final Duration timeout;
    private final Stats window = new Stats(Integer.MAX_VALUE);
    private final Stats total = new Stats(RESERVOIR);
    private volatile List<String> online = List.of();
    private @Nullable ScheduledExecutorService timer;
    private @Nullable ExecutorService senders;

    CommandProbe(DeviceCommands commands, DeviceHealth health, @Value("${hall24.devices.probe.rate:0}") double rate,
            @Value("${hall24.devices.probe.timeout:5s}") Duration timeout) {
        this.commands = commands;
        this.health = health;
        this.rate = rate;
        this.timeout = timeout;
    }

    @Override
    public synchronized void start() {
        if (rate <= 0 || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "command-probe"));
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(8, r -> daemon(r, "command-probe-" + n.incrementAndGet()));
        long periodMicros = Math.max(1, Math.round(1_000_000 / rate));
        timer.scheduleAtFixedRate(() -> online = health.online(), 0, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::probe, 1_000_000, periodMicros, TimeUnit.MICROSECONDS);
        timer.scheduleAtFixedRate(() -> report("last " + REPORT_EVERY.toSeconds() + " s", window, true),
                REPORT_EVERY.toMillis(), REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Command probe on: unlock-screen to a random online device {} time(s) per second, timeout {} ms", rate,
                timeout.toMillis());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void probe() {
        List<String> candidates = online;
        ExecutorService pool = senders;
        if (candidates.isEmpty() || pool == null) {
            return;
        }
        String device = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        try {
            pool.execute(() -> {
                long started = System.nanoTime();
                CommandOutcome outcome = commands.send(device, DeviceCommand.unlockScreen(), timeout);
                long micros = (System.nanoTime() - started) / 1000;
                window.add(outcome.result(), micros);
                total.add(outcome.result(), micros);
            });
        }
        catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    private void report(String what, Stats stats, boolean reset) {
        Stats.Summary s = stats.summary(reset);
        if (s.sent() == 0 && reset) {
            log.info("command probe ({}): no online device to probe", what);
            return;
        }
        log.info(String.format(Locale.ROOT,
                "command probe (%s): %d sent, %d ok, %d timed out, %d error, %d offline; round trip p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                what, s.sent(), s.ok(), s.timedOut(), s.error(), s.offline(), s.p50() / 1000.0, s.p99() / 1000.0, s.max() / 1000.0));
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        if (senders != null) {
            senders.shutdownNow();
        }
        timer = null;
        senders = null;
        report("whole run", total, false);
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Round-trip samples in microseconds (replies only) and outcome counts. */
    static final class Stats {

        record Summary(long sent, long ok, long timedOut, long error, long offline, long p50, long p99, long max) {
        }

        private final int capacity;
        private long[] samples = new long[1024];
        private int size;
        private long seen;
        private long ok;
        private long timedOut;
        private long error;
        private long offline;
        private long max;

        Stats(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(CommandOutcome.Result result, long micros) {
            switch (result) {
                case OK -> ok++;
                case ERROR -> error++;
                case TIMED_OUT -> timedOut++;
                case OFFLINE -> offline++;
            }
            if (result != CommandOutcome.Result.OK && result != CommandOutcome.Result.ERROR) {
                return;
            }
            max = Math.max(max, micros);
            seen++;
            if (size < capacity) {
                if (size == samples.length) {
                    samples = Arrays.copyOf(samples, Math.min(capacity, size * 2));
                }
                samples[size++] = micros;
            }
            else {
                long slot = ThreadLocalRandom.current().nextLong(seen);
                if (slot < capacity) {
                    samples[(int) slot] = micros;
                }
            }
        }

        synchronized Summary summary(boolean reset) {
            long[] sorted = Arrays.copyOf(samples, size);
            Arrays.sort(sorted);
            Summary s = new Summary(ok + error + timedOut + offline, ok, timedOut, error, offline, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), max);
            if (reset) {
                size = 0;
                seen = ok = timedOut = error = offline = max = 0;
            }
            return s;
        }

        static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
