package org.hall24.device.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceAlertCleared;
import org.hall24.device.DeviceAlertRaised;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceWentOffline;
import org.hall24.device.DeviceWentOnline;
import org.hall24.device.gateway.DeviceDispatcher;
import org.hall24.device.gateway.DeviceMessageListener;
import org.hall24.device.gateway.DeviceTopic;
import org.hall24.device.gateway.DevicesProperties;
import org.hall24.device.gateway.Payload;
import org.hall24.device.health.DeviceSnapshot.OpenAlert;
import org.hall24.device.health.HealthHistory.Change;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live health of every device that reported, kept in memory and derived from its messages
 * (see "Online and offline" in {@code docs/device-protocol.md}):
 * <ul>
 * <li>{@code ONLINE} from a {@code status: online} or any telemetry;</li>
 * <li>{@code OFFLINE} on {@code status: offline} (the device's word or its last will), or when no
 * telemetry came for {@code hall24.devices.telemetry-timeout-factor} (3) of its intervals;</li>
 * <li>{@code FAULT} while an alert other than {@code PAPER_LOW} is open: a peripheral in fault,
 * paper out, a door-sensor fault, a door open longer than {@code hall24.devices.door-open-alert-after},
 * a jammed door reported by a command reply.</li>
 * </ul>
 * A device whose messages the embedded broker keeps refusing gets the warning
 * {@code REFUSED_MESSAGES} ({@link #refusedMessage}).
 * A device that never reported is unknown here ({@code UNKNOWN} through {@code DeviceStatuses}).
 * Every change is written to {@code device_status_change} and published as a module event
 * ({@link DeviceWentOnline}, {@link DeviceWentOffline}, {@link DeviceAlertRaised},
 * {@link DeviceAlertCleared}) in one transaction, so the event publication registry keeps it for
 * listeners. Device events (card read, door closed…) are published once per event id.
 *
 * <p>Threads: a device's state is changed only on its lane of the {@link DeviceDispatcher} — its
 * messages, the periodic check and {@link #commandAlert} all run there, one at a time — so no lock
 * is held, never across the database work and the events' synchronous listeners. After each
 * change the device's {@link DeviceSnapshot} (immutable) replaces the previous one; the readers
 * ({@link #statusOf}, {@link #snapshot}, {@link #all}, {@link #online}, {@link #hallOf}) read those
 * snapshots from any thread without waiting. A snapshot is published before the change is
 * recorded and its events published, so a listener of {@code DeviceAlertRaised} reads the new status.
 */
@Component
public class DeviceHealth implements DeviceMessageListener {

    private static final Logger log = LoggerFactory.getLogger(DeviceHealth.class);
    static final String TELEMETRY_TIMEOUT = "telemetry-timeout";
    /** The detail of {@link DeviceAlert#REFUSED_MESSAGES}: refused by the broker. */
    static final String REFUSED_DETAIL = "broker";

    /** Each device's live state, read and changed only on the device's lane. */
    private final Map<String, Tracked> devices = new ConcurrentHashMap<>();
    /** Each device's latest snapshot, for readers on any thread. */
    private final Map<String, DeviceSnapshot> snapshots = new ConcurrentHashMap<>();
    private final List<Consumer<DeviceSnapshot>> watchers = new CopyOnWriteArrayList<>();
    private final DeviceDispatcher lanes;
    private final HealthHistory history;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final DevicesProperties properties;
    private final Clock clock;

    DeviceHealth(HealthHistory history, ApplicationEventPublisher events, TransactionTemplate tx,
            DevicesProperties properties, Clock clock, DeviceDispatcher lanes) {
        this.lanes = lanes;
        this.history = history;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** The device's current status; {@link DeviceStatus#UNKNOWN} for one that never reported. */
    public DeviceStatus statusOf(String deviceCode) {
        DeviceSnapshot s = snapshots.get(deviceCode);
        return s == null ? DeviceStatus.UNKNOWN : s.status();
    }

    public Optional<DeviceSnapshot> snapshot(String deviceCode) {
        return Optional.ofNullable(snapshots.get(deviceCode));
    }

    /** Every device that reported since this node started, by code. */
    public List<DeviceSnapshot> all() {
        return snapshots.values().stream().sorted(Comparator.comparing(DeviceSnapshot::code)).toList();
    }

    /** The codes of the devices online now, in no particular order; cheaper than {@link #all()}. */
    public List<String> online() {
        List<String> codes = new ArrayList<>();
        snapshots.forEach((code, s) -> {
            if (s.status() == DeviceStatus.ONLINE) {
                codes.add(code);
            }
        });
        return codes;
    }

    /** The hall a device last reported from, which its commands go to. */
    public Optional<String> hallOf(String deviceCode) {
        return snapshot(deviceCode).map(DeviceSnapshot::hall);
    }

    /**
     * Calls {@code watcher} with a device's snapshot after each message or change, on the device's
     * lane: it must be quick and must not block (hand the work to another thread). Returns how to stop.
     */
    public Runnable watch(Consumer<DeviceSnapshot> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    @Override
    public void status(DeviceTopic topic, Payload.Status status) {
        lanes.runOn(topic.device(), () -> {
            Tracked t = tracked(topic);
            Instant now = clock.instant();
            t.hall = topic.hall();
            if (status.online()) {
                t.connected = true;
                t.lastSeen = now;
                t.interval = status.intervalSeconds();
                t.firmware = status.firmware();
                settle(t, null, now);
            }
            else {
                t.connected = false;
                settle(t, status.reason() == null ? "offline" : status.reason(), now);
            }
            notifyWatchers(t);
        });
    }

    @Override
    public void telemetry(DeviceTopic topic, Payload.Telemetry telemetry) {
        lanes.runOn(topic.device(), () -> {
            Tracked t = tracked(topic);
            Instant now = clock.instant();
            t.hall = topic.hall();
            t.connected = true;
            t.lastSeen = now;
            Map<String, String> peripherals = new LinkedHashMap<>();
            Map<String, String> derived = new LinkedHashMap<>();
            telemetry.peripherals().forEach((name, p) -> {
                String state = p.state().name().toLowerCase(java.util.Locale.ROOT);
                if (p.paper() != null) {
                    peripherals.put(name + ".paper", "paper-" + p.paper().name().toLowerCase(java.util.Locale.ROOT));
                    if (p.paper() == Payload.Paper.LOW) {
                        derived.put(key(DeviceAlert.PAPER_LOW, name), name);
                    }
                    else if (p.paper() == Payload.Paper.OUT) {
                        derived.put(key(DeviceAlert.PAPER_OUT, name), name);
                    }
                }
                peripherals.put(name, state);
                if (p.state() == Payload.PeripheralState.FAULT) {
                    DeviceAlert kind = name.equals("doorSensors") ? DeviceAlert.DOOR_SENSOR_FAULT : DeviceAlert.PERIPHERAL_FAULT;
                    derived.put(key(kind, name), name);
                }
            });
            t.peripherals = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(peripherals));
            for (Payload.Compartment c : telemetry.compartments()) {
                if (c.doorOpen()) {
                    t.doorOpenSince.putIfAbsent(c.id(), now);
                }
                else {
                    t.doorOpenSince.remove(c.id());
                }
            }
            t.telemetryAlerts = derived;
            settle(t, null, now);
            notifyWatchers(t);
            if (!telemetry.compartments().isEmpty()) {
                events.publishEvent(new org.hall24.device.CabinetCompartmentsReported(topic.device(), telemetry.ts(),
                        telemetry.compartments().stream()
                                .map(c -> new org.hall24.device.CabinetCompartmentsReported.Reading(c.id(), c.doorOpen(), c.occupied()))
                                .toList()));
            }
        });
    }

    @Override
    public void event(DeviceTopic topic, Payload.Event event) {
        Object moduleEvent = event.toModuleEvent(topic.device());
        lanes.runOn(topic.device(), () -> {
            Tracked t = tracked(topic);
            Instant now = clock.instant();
            t.hall = topic.hall();
            if (event.body() instanceof Payload.DoorBody door) {
                if (door.opened()) {
                    t.doorOpenSince.putIfAbsent(door.compartment(), now);
                }
                else {
                    t.doorOpenSince.remove(door.compartment());
                    t.commandAlerts.remove(key(DeviceAlert.DOOR_JAMMED, door.compartment()));
                }
            }
            Boolean first = tx.execute(status -> {
                if (!history.firstReceipt(event.id(), topic.device(), String.valueOf(topic.eventType()), now)) {
                    return false;
                }
                events.publishEvent(moduleEvent);
                return true;
            });
            if (!Boolean.TRUE.equals(first)) {
                log.debug("Device {} repeated event {}; ignored", topic.device(), event.id());
            }
            settle(t, null, now);
            notifyWatchers(t);
        });
    }

    /**
     * Opens ({@code open}) or clears an alert that something other than the device's telemetry
     * revealed — a jammed door in a command's reply — until a door event or a success clears it.
     * A device that never reported is left alone. The change is made on the device's lane: at once
     * when called there, else shortly after this returns.
     */
    public void commandAlert(String deviceCode, DeviceAlert kind, String detail, boolean open) {
        lanes.runOn(deviceCode, () -> {
            Tracked t = devices.get(deviceCode);
            if (t == null) {
                return;
            }
            if (open) {
                t.commandAlerts.put(key(kind, detail), detail);
            }
            else {
                t.commandAlerts.remove(key(kind, detail));
            }
            settle(t, null, clock.instant());
            notifyWatchers(t);
        });
    }

    /**
     * Counts a message of the device that the embedded broker refused and dropped (too large, or
     * not on its own topics): {@code hall24.devices.refused-messages.alert-after} of them within
     * {@code .window} open {@link DeviceAlert#REFUSED_MESSAGES} (a warning, not a fault), which the
     * periodic check clears once a window passes without one. A device that never reported is left
     * alone (so is the platform's own client). Returns at once: the count is kept on the device's lane.
     */
    public void refusedMessage(String deviceCode) {
        lanes.execute(deviceCode, () -> {
            Tracked t = devices.get(deviceCode);
            if (t == null) {
                return;
            }
            t.refusedAt.addLast(clock.instant());
            while (t.refusedAt.size() > properties.refusedAlertAfter()) {
                t.refusedAt.removeFirst();
            }
            if (settle(t, null, clock.instant())) {
                notifyWatchers(t);
            }
        });
    }

    /**
     * Marks silent devices offline and raises doors left open: queues a check on each device's
     * lane (one at a time per device), so a device whose lane is busy delays no other's check.
     */
    @Scheduled(fixedDelayString = "${hall24.devices.health-check-period:1s}")
    public void check() {
        devices.forEach((code, t) -> {
            if (t.checkQueued.compareAndSet(false, true)) {
                lanes.execute(code, () -> {
                    t.checkQueued.set(false);
                    check(t);
                });
            }
        });
    }

    private void check(Tracked t) {
        Instant now = clock.instant();
        String reason = null;
        if (t.connected && t.lastSeen != null) {
            long timeout = (long) (properties.timeoutFactor() * t.interval * 1000);
            if (Duration.between(t.lastSeen, now).toMillis() > timeout) {
                t.connected = false;
                reason = TELEMETRY_TIMEOUT;
            }
        }
        if (settle(t, reason, now)) {
            notifyWatchers(t);
        }
    }

    private Tracked tracked(DeviceTopic topic) {
        return devices.computeIfAbsent(topic.device(), code -> new Tracked(code, topic.hall()));
    }

    private static String key(DeviceAlert kind, String detail) {
        return kind.name() + ":" + detail;
    }

    /**
     * Brings the device's alerts and status in line with what is known, publishes its new
     * snapshot, then records and publishes every change in one transaction. Called on the
     * device's lane.
     *
     * @return whether the status or an alert changed
     */
    private boolean settle(Tracked t, @Nullable String offlineReason, Instant now) {
        Map<String, String> wanted = new LinkedHashMap<>(t.telemetryAlerts);
        wanted.putAll(t.commandAlerts);
        Instant refusedSince = now.minus(properties.refusedWindow());
        t.refusedAt.removeIf(at -> at.isBefore(refusedSince));
        String refusedKey = key(DeviceAlert.REFUSED_MESSAGES, REFUSED_DETAIL);
        if (t.refusedAt.size() >= properties.refusedAlertAfter() || !t.refusedAt.isEmpty() && t.alerts.containsKey(refusedKey)) {
            wanted.put(refusedKey, REFUSED_DETAIL);
        }
        if (t.connected) {
            Duration limit = properties.doorOpenLimit();
            t.doorOpenSince.forEach((compartment, since) -> {
                if (Duration.between(since, now).compareTo(limit) >= 0) {
                    wanted.put(key(DeviceAlert.DOOR_LEFT_OPEN, compartment), compartment);
                }
            });
        }
        else {
            t.alerts.forEach((k, a) -> {
                if (a.kind() == DeviceAlert.DOOR_LEFT_OPEN) {
                    wanted.put(k, a.detail());
                }
            });
        }
        List<Object> published = new ArrayList<>();
        List<DeviceAlert> raised = new ArrayList<>();
        List<String[]> alertChanges = new ArrayList<>();
        for (var it = t.alerts.entrySet().iterator(); it.hasNext();) {
            var entry = it.next();
            if (!wanted.containsKey(entry.getKey())) {
                it.remove();
                OpenAlert a = entry.getValue();
                published.add(new DeviceAlertCleared(t.code, a.kind(), a.detail(), now));
                alertChanges.add(new String[] { "ALERT_CLEARED", a.kind().name(), a.detail() });
            }
        }
        wanted.forEach((k, detail) -> {
            if (!t.alerts.containsKey(k)) {
                DeviceAlert kind = DeviceAlert.valueOf(k.substring(0, k.indexOf(':')));
                t.alerts.put(k, new OpenAlert(kind, detail, now));
                published.add(new DeviceAlertRaised(t.code, kind, detail, now));
                raised.add(kind);
                alertChanges.add(new String[] { "ALERT_RAISED", kind.name(), detail });
            }
        });
        DeviceStatus before = t.status;
        DeviceStatus after = !t.connected ? DeviceStatus.OFFLINE
                : t.alerts.values().stream().anyMatch(a -> a.kind().isFault()) ? DeviceStatus.FAULT : DeviceStatus.ONLINE;
        boolean statusChanged = before != after;
        if (statusChanged) {
            t.status = after;
            boolean wasUp = before == DeviceStatus.ONLINE || before == DeviceStatus.FAULT || before == DeviceStatus.BUSY;
            boolean isUp = after != DeviceStatus.OFFLINE;
            if (isUp && !wasUp) {
                published.add(0, new DeviceWentOnline(t.code, now));
            }
            else if (!isUp) {
                published.add(0, new DeviceWentOffline(t.code, offlineReason == null ? "offline" : offlineReason, now));
            }
        }
        snapshots.put(t.code, t.snapshot());
        if (!statusChanged && alertChanges.isEmpty()) {
            return false;
        }
        if (statusChanged) {
            log.info("Device {} is {}{}", t.code, after, after == DeviceStatus.OFFLINE && offlineReason != null ? " (" + offlineReason + ")" : "");
        }
        try {
            tx.executeWithoutResult(status -> {
                if (statusChanged) {
                    history.record(new Change(t.code, t.hall, "STATUS", after, null,
                            after == DeviceStatus.OFFLINE ? offlineReason : null, now));
                }
                for (String[] c : alertChanges) {
                    history.record(new Change(t.code, t.hall, c[0], after, DeviceAlert.valueOf(c[1]), c[2], now));
                }
                published.forEach(events::publishEvent);
            });
        }
        catch (RuntimeException e) {
            log.error("Could not record the health change of device {}: {}", t.code, e.toString());
        }
        return true;
    }

    private void notifyWatchers(Tracked t) {
        DeviceSnapshot snapshot = snapshots.get(t.code);
        if (watchers.isEmpty() || snapshot == null) {
            return;
        }
        for (Consumer<DeviceSnapshot> watcher : watchers) {
            try {
                watcher.accept(snapshot);
            }
            catch (RuntimeException e) {
                log.debug("Device watcher failed: {}", e.toString());
            }
        }
    }

    /** One device's live state; read and changed only on the device's lane. */
    private static final class Tracked {
        final String code;
        /** A check is queued on the lane and has not started; set from the scheduler's thread. */
        final java.util.concurrent.atomic.AtomicBoolean checkQueued = new java.util.concurrent.atomic.AtomicBoolean();
        String hall;
        boolean connected;
        int interval = Payload.Status.DEFAULT_INTERVAL;
        @Nullable String firmware;
        @Nullable Instant lastSeen;
        DeviceStatus status = DeviceStatus.UNKNOWN;
        Map<String, String> peripherals = Map.of();
        Map<String, String> telemetryAlerts = Map.of();
        final Map<String, String> commandAlerts = new LinkedHashMap<>();
        final Map<String, OpenAlert> alerts = new LinkedHashMap<>();
        final Map<String, Instant> doorOpenSince = new HashMap<>();
        /** When its last refused messages were refused, oldest first; at most the alert's threshold. */
        final java.util.ArrayDeque<Instant> refusedAt = new java.util.ArrayDeque<>();

        Tracked(String code, String hall) {
            this.code = code;
            this.hall = hall;
        }

        DeviceSnapshot snapshot() {
            return new DeviceSnapshot(code, hall, status, firmware, interval, peripherals, lastSeen,
                    List.copyOf(alerts.values()));
        }
    }
}
