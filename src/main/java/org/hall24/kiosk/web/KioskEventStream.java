package org.hall24.kiosk.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hall24.identity.CardRefused;
import org.hall24.identity.KioskSessionChanged;
import org.hall24.identity.KioskSessionEnded;
import org.hall24.identity.KioskSessionStarted;
import org.hall24.identity.KioskSessionTouched;
import org.hall24.identity.KioskSessionVerified;
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
 * Sends happen on one background thread, so a slow browser never holds up the publisher. No
 * personal data is ever sent.
 */
@Component
public class KioskEventStream {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(KioskEventStream.class);

    private final Map<String, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-sse");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    KioskEventStream(Clock clock) {
        this.clock = clock;
        heartbeat.scheduleWithFixedDelay(() -> emitters.keySet().forEach(d -> send(d, "ping", "")),
                HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A new stream for a kiosk's screen. */
    SseEmitter open(String deviceCode) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> set = emitters.computeIfAbsent(deviceCode, k -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        return emitter;
    }

    /** Asks the kiosk's screen to reload the element {@code target} (a CSS selector) through htmx. */
    public void refresh(String deviceCode, String target) {
        send(deviceCode, "refresh", target);
    }

    /** Sends an event to every screen of the kiosk. The data must not be personal. */
    public void send(String deviceCode, String name, String data) {
        Set<SseEmitter> set = emitters.get(deviceCode);
        if (set == null || set.isEmpty()) {
            return;
        }
        sender.execute(() -> {
            for (SseEmitter emitter : List.copyOf(set)) {
                try {
                    emitter.send(SseEmitter.event().name(name).data(data));
                }
                catch (IOException | IllegalStateException e) {
                    set.remove(emitter);
                    emitter.completeWithError(e);
                }
            }
        });
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

    @EventListener
    void on(CardRefused event) {
        send(event.deviceCode(), "refused", event.reason().name());
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        emitters.values().forEach(set -> set.forEach(SseEmitter::complete));
        log.debug("Kiosk event streams closed");
    }
}
