package org.hall24.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole hall of simulated devices (or thousands of synthetic ones for a benchmark) in one
 * process: each device connects with its own credential at a random moment within the start
 * jitter, and all timers — telemetry, reconnects, doors closing, slow replies, keep-alive pings —
 * share one small scheduler.
 */
public final class HallSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HallSimulator.class);

    private final SimulatorSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();

    public HallSimulator(SimulatorSettings settings, List<SimulatedDeviceSpec> specs) {
        this(settings, specs, Clock.systemUTC());
    }

    public HallSimulator(SimulatorSettings settings, List<SimulatedDeviceSpec> specs, Clock clock) {
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "hall-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.scheduler = Executors.unconfigurableScheduledExecutorService(pool);
        for (SimulatedDeviceSpec spec : specs) {
            if (devices.putIfAbsent(spec.code(), new SimulatedDevice(spec, settings, pool, clock)) != null) {
                throw new IllegalArgumentException("device " + spec.code() + " given twice");
            }
        }
    }

    /** Starts every device, each at a random moment within the start jitter. */
    public void start() {
        log.info("Hall simulator starts {} devices against {}", devices.size(), settings.brokerUrl());
        long jitter = Math.max(1, settings.startJitter().toMillis());
        for (SimulatedDevice device : devices.values()) {
            scheduler.schedule(device::start, ThreadLocalRandom.current().nextLong(jitter), TimeUnit.MILLISECONDS);
        }
    }

    /** The control handle of a device. */
    public SimulatedDevice device(String code) {
        SimulatedDevice device = devices.get(code);
        if (device == null) {
            throw new NoSuchElementException("no simulated device " + code);
        }
        return device;
    }

    public Collection<SimulatedDevice> devices() {
        return List.copyOf(devices.values());
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** How many devices are connected now. */
    public long connected() {
        return devices.values().stream().filter(SimulatedDevice::isConnected).count();
    }

    /** Waits until every device is connected, or the timeout passes; returns whether they all are. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (connected() < devices.size()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Every device shuts down cleanly (retained offline, reason {@code shutdown}); then the scheduler stops. */
    @Override
    public void close() {
        devices.values().parallelStream().forEach(SimulatedDevice::stop);
        scheduler.shutdownNow();
        log.info("Hall simulator stopped");
    }
}
