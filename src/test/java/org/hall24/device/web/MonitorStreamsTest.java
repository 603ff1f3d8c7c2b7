package org.hall24.device.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.hall24.device.DeviceStatus;
import org.hall24.device.health.DeviceSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The device monitor's event streams and their sender thread, which end with the application. */
class MonitorStreamsTest {

    final List<Consumer<DeviceSnapshot>> watchers = new CopyOnWriteArrayList<>();
    final AtomicInteger stopped = new AtomicInteger();
    final List<Thread> senders = new CopyOnWriteArrayList<>();
    final List<String> sent = new CopyOnWriteArrayList<>();

    /** An emitter that records what it sends and on which thread, as no servlet container runs here. */
    final class RecordingEmitter extends SseEmitter {
        volatile boolean completed;

        @Override
        public void send(SseEventBuilder builder) {
            senders.add(Thread.currentThread());
            sent.add(builder.build().stream().map(d -> String.valueOf(d.getData())).collect(java.util.stream.Collectors.joining()));
        }

        @Override
        public void complete() {
            completed = true;
            super.complete();
        }
    }

    MonitorStreams streams() {
        return new MonitorStreams(watcher -> {
            watchers.add(watcher);
            return () -> {
                watchers.remove(watcher);
                stopped.incrementAndGet();
            };
        }, RecordingEmitter::new);
    }

    static DeviceSnapshot snapshot(String code) {
        return new DeviceSnapshot(code, "JLP-YJP", DeviceStatus.ONLINE, null, 10, Map.of(), Instant.now(), List.of());
    }

    @Test
    void aStreamSendsTheCodeOfEachDeviceThatMovedOnTheSenderThread() {
        MonitorStreams streams = streams();
        streams.open();
        watchers.forEach(w -> w.accept(snapshot("JLP-YJP-POL-01")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.get(0)).contains("JLP-YJP-POL-01");
        assertThat(senders.get(0).getName()).isEqualTo("device-monitor-sse");
        streams.destroy();
    }

    @Test
    void closingCompletesEveryOpenStreamStopsWatchingAndEndsTheSenderThread() throws Exception {
        MonitorStreams streams = streams();
        RecordingEmitter first = (RecordingEmitter) streams.open();
        RecordingEmitter second = (RecordingEmitter) streams.open();
        watchers.forEach(w -> w.accept(snapshot("JLP-YJP-POL-01")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        Set<Thread> threads = Set.copyOf(senders);

        streams.destroy();

        assertThat(first.completed).isTrue();
        assertThat(second.completed).isTrue();
        assertThat(stopped).hasValue(2);
        assertThat(watchers).isEmpty();
        assertThat(streams.openCount()).isZero();
        for (Thread thread : threads) {
            thread.join(5000);
            assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
        }
        assertThat(((RecordingEmitter) streams.open()).completed).as("a stream opened after closing ends at once").isTrue();
    }
}
