package org.hall24.kiosk.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hall24.identity.CardRefused;
import org.hall24.identity.KioskSessionChanged;
import org.hall24.identity.KioskSessionEnded;
import org.hall24.identity.KioskSessionStarted;
import org.hall24.identity.KioskSessionTouched;
import org.hall24.identity.KioskSessionVerified;
import org.hall24.kiosk.KioskPrintEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;

/**
 * Server-sent events to the kiosk screens, per kiosk device ({@code GET /kiosk/events}). Events:
 * <ul>
 * <li>{@code session} — data {@code started}: a card started a session;</li>
 * <li>{@code changed} — data the stage: something the screen shows changed (never sent for mere activity,
 * so a screen that reloads on it does not loop);</li>
 * <li>{@code deadline} — data the milliseconds until the inactivity deadline;</li>
 * <li>{@code verified} — data the method: the person is verified;</li>
 * <li>{@code ended} — data the {@link org.hall24.identity.SessionEnd}: wipe the screen at once;</li>
 * <li>{@code refused} — data the {@link CardRefused.Reason}: a card started no session;</li>
 * <li>{@code refresh} — data a CSS selector: the element to reload ({@link #refresh}).</li>
 * </ul>
 * Each screen has its own queue, sent in order by one task at a time on a shared pool: a slow or
 * stuck screen delays only itself (a screen whose queue overflows is closed; its browser
 * reconnects), and the publisher never waits on a browser. No personal data is ever sent.
 */
@Component
public class KioskEventStream {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** The element of the receipt and answer screens that shows a print's state. */
    static final String PRINT_STATUS = "#print-status";
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** Events waiting for one screen; beyond this the screen is taken as stuck and closed. */
    static final int MAX_QUEUED = 64;
    /** Screens being sent to at the same time; a stuck screen holds one of these threads until its write fails. */
    static final int MAX_SENDERS = 256;

    private static final Logger log = LoggerFactory.getLogger(KioskEventStream.class);

    private final Map<String, Set<Screen>> screens = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    KioskEventStream(Clock clock) {
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(0, MAX_SENDERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "kiosk-sse-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(() -> screens.keySet().forEach(d -> send(d, "ping", "")),
                HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A new stream for a kiosk's screen. */
    SseEmitter open(String deviceCode) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        register(deviceCode, emitter);
        return emitter;
    }

    /** Starts sending the kiosk's events to an emitter, until it completes, times out or fails. */
    void register(String deviceCode, SseEmitter emitter) {
        Set<Screen> set = screens.computeIfAbsent(deviceCode, k -> ConcurrentHashMap.newKeySet());
        Screen screen = new Screen(deviceCode, emitter, set);
        set.add(screen);
        emitter.onCompletion(screen::forget);
        emitter.onTimeout(screen::forget);
        emitter.onError(e -> screen.forget());
    }

    /** Asks the kiosk's screen to reload the element {@code target} (a CSS selector) through htmx. */
    public void refresh(String deviceCode, String target) {
        send(deviceCode, "refresh", target);
    }

    /** Sends an event to every screen of the kiosk, in the order of the calls. The data must not be personal. */
    public void send(String deviceCode, String name, String data) {
        Set<Screen> set = screens.get(deviceCode);
        if (set == null) {
            return;
        }
        for (Screen screen : set) {
            screen.offer(new Event(name, data));
        }
    }

    private record Event(String name, String data) {
    }

    /** One browser's stream: its own queue, drained by at most one sender at a time, in order. */
    private final class Screen {

        private final String deviceCode;
        private final SseEmitter emitter;
        private final Set<Screen> set;
        private final Queue<Event> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean draining = new AtomicBoolean();

        Screen(String deviceCode, SseEmitter emitter, Set<Screen> set) {
            this.deviceCode = deviceCode;
            this.emitter = emitter;
            this.set = set;
        }

        void offer(Event event) {
            if (queued.incrementAndGet() > MAX_QUEUED) {
                log.info("A screen of kiosk {} is not taking its events; closing its stream", deviceCode);
                close(new IOException("screen stuck: more than " + MAX_QUEUED + " events waiting"));
                return;
            }
            queue.add(event);
            schedule();
        }

        private void schedule() {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            try {
                senders.execute(this::drain);
            }
            catch (RejectedExecutionException e) {
                draining.set(false);
                close(new IOException("no sender free for the kiosk's events", e));
            }
        }

        private void drain() {
            try {
                Event event;
                while ((event = queue.poll()) != null) {
                    queued.decrementAndGet();
                    emitter.send(SseEmitter.event().name(event.name()).data(event.data()));
                }
            }
            catch (IOException | IllegalStateException e) {
                close(e);
                return;
            }
            finally {
                draining.set(false);
            }
            if (!queue.isEmpty()) {
                schedule();
            }
        }

        void forget() {
            set.remove(this);
            queue.clear();
        }

        private void close(Exception e) {
            forget();
            try {
                emitter.completeWithError(e);
            }
            catch (RuntimeException ignored) {
                // already completed
            }
        }
    }

    @EventListener
    void on(KioskSessionStarted event) {
        send(event.deviceCode(), "session", "started");
    }

    @EventListener
    void on(KioskSessionChanged event) {
        send(event.deviceCode(), "changed", event.stage().name());
        send(event.deviceCode(), "deadline",
                Long.toString(Math.max(0, Duration.between(clock.instant(), event.expiresAt()).toMillis())));
    }

    @EventListener
    void on(KioskSessionTouched event) {
        send(event.deviceCode(), "deadline",
                Long.toString(Math.max(0, Duration.between(clock.instant(), event.expiresAt()).toMillis())));
    }

    @EventListener
    void on(KioskSessionVerified event) {
        send(event.deviceCode(), "verified", event.method());
    }

    @EventListener
    void on(KioskSessionEnded event) {
        send(event.deviceCode(), "ended", event.reason().name());
    }

    /** A print at this kiosk ended: its screen reloads the print's status (receipt or answer screen). */
    @EventListener
    void on(KioskPrintEnded event) {
        refresh(event.deviceCode(), PRINT_STATUS);
    }

    @EventListener
    void on(CardRefused event) {
        send(event.deviceCode(), "refused", event.reason().name());
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        senders.shutdownNow();
        screens.values().forEach(set -> set.forEach(screen -> screen.emitter.complete()));
        log.debug("Kiosk event streams closed");
    }
}
