package org.hall24.device.web;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hall24.device.health.DeviceHealth;
import org.hall24.device.health.DeviceSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The device monitor's open event streams: each sends {@code device} events with the code of a
 * device whose state moved. Watchers are called on the device's lane, which must not wait for a
 * browser, so sending happens on a thread of its own; a stream's codes that wait to be sent are
 * coalesced (a set, at most one per device), so a slow browser costs memory bounded by the number
 * of devices. Closed with the application: every open stream is completed (the browser reconnects,
 * to another node if this one stops) and the sender thread ends.
 */
@Component
class MonitorStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MonitorStreams.class);
    static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final Function<Consumer<DeviceSnapshot>, Runnable> watch;
    private final Supplier<SseEmitter> emitters;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "device-monitor-sse");
        t.setDaemon(true);
        return t;
    });
    private final Map<SseEmitter, Stream> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Autowired
    MonitorStreams(DeviceHealth health) {
        this(health::watch, () -> new SseEmitter(TIMEOUT_MILLIS));
    }

    /**
     * @param watch registers a watcher of device snapshots and returns how to stop it
     * @param emitters makes a new stream's emitter
     */
    MonitorStreams(Function<Consumer<DeviceSnapshot>, Runnable> watch, Supplier<SseEmitter> emitters) {
        this.watch = watch;
        this.emitters = emitters;
    }

    /** A new stream, watching until the browser goes, it times out, or the application stops. */
    SseEmitter open() {
        SseEmitter emitter = emitters.get();
        if (closed) {
            emitter.complete();
            return emitter;
        }
        Stream stream = new Stream(emitter);
        open.put(emitter, stream);
        stream.stopWatching = watch.apply(snapshot -> stream.changed(snapshot.code()));
        emitter.onCompletion(stream::end);
        emitter.onTimeout(stream::end);
        emitter.onError(e -> stream.end());
        return emitter;
    }

    /** Streams open now. */
    int openCount() {
        return open.size();
    }

    @Override
    public void destroy() {
        closed = true;
        for (Stream stream : open.values()) {
            stream.end();
            stream.emitter.complete();
        }
        sender.shutdownNow();
        try {
            if (!sender.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("The device monitor's sender thread did not end within 2 s");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Stream {
        final SseEmitter emitter;
        volatile Runnable stopWatching = () -> {
        };
        private final Set<String> waiting = new LinkedHashSet<>(); // guarded by this
        private boolean flushing; // guarded by this

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }

        void changed(String code) {
            synchronized (this) {
                waiting.add(code);
                if (flushing) {
                    return;
                }
                flushing = true;
            }
            try {
                sender.execute(this::flush);
            }
            catch (RejectedExecutionException e) {
                end();
            }
        }

        private void flush() {
            while (true) {
                String code;
                synchronized (this) {
                    var it = waiting.iterator();
                    if (!it.hasNext()) {
                        flushing = false;
                        return;
                    }
                    code = it.next();
                    it.remove();
                }
                try {
                    emitter.send(SseEmitter.event().name("device").data(code));
                }
                catch (IOException | IllegalStateException e) {
                    end();
                    emitter.completeWithError(e);
                    return;
                }
            }
        }

        void end() {
            stopWatching.run();
            open.remove(emitter);
        }
    }
}
