package org.hall24.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hall24.identity.KioskSessionEnded;
import org.hall24.identity.SessionEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One slow or stuck kiosk screen delays only itself: every other screen gets its events at once, in order. */
class KioskEventStreamTest {

    final KioskEventStream stream = new KioskEventStream(Clock.systemUTC());
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        stream.close();
    }

    /** A browser that never takes what it is sent, until released. */
    final class StuckScreen extends SseEmitter {

        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void send(SseEventBuilder event) throws IOException {
            entered.countDown();
            try {
                release.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A browser that takes everything: the event names it got, in order. */
    static final class Screen extends SseEmitter {

        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder event) throws IOException {
            String text = event.build().iterator().next().getData().toString();
            names.add(text.substring("event:".length(), text.indexOf('\n')));
        }
    }

    @Test
    void anotherKiosksEndedEventGoesOutWhileOneScreenIsStuck() throws Exception {
        StuckScreen stuck = new StuckScreen();
        Screen other = new Screen();
        stream.register("KIOSK-A", stuck);
        stream.register("KIOSK-B", other);

        stream.send("KIOSK-A", "changed", "VERIFIED");
        assertThat(stuck.entered.await(5, TimeUnit.SECONDS)).as("kiosk A's screen is stuck in a send").isTrue();

        stream.on(new KioskSessionEnded(UUID.randomUUID(), "KIOSK-B", SessionEnd.INACTIVITY));

        await().atMost(Duration.ofSeconds(5)).until(() -> other.names.contains("ended"));
        assertThat(release.getCount()).as("kiosk A's screen is still stuck").isEqualTo(1);
    }

    @Test
    void aSecondScreenOfTheSameKioskIsNotHeldUpByAStuckOneAndGetsItsEventsInOrder() throws Exception {
        StuckScreen stuck = new StuckScreen();
        Screen other = new Screen();
        stream.register("KIOSK-A", stuck);
        stream.register("KIOSK-A", other);

        stream.send("KIOSK-A", "session", "started");
        assertThat(stuck.entered.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 20; i++) {
            stream.send("KIOSK-A", "e" + i, "");
        }
        stream.on(new KioskSessionEnded(UUID.randomUUID(), "KIOSK-A", SessionEnd.INACTIVITY));

        await().atMost(Duration.ofSeconds(5)).until(() -> other.names.contains("ended"));
        List<String> expected = new java.util.ArrayList<>(List.of("session"));
        for (int i = 0; i < 20; i++) {
            expected.add("e" + i);
        }
        expected.add("ended");
        assertThat(other.names).containsExactlyElementsOf(expected);
    }
}
