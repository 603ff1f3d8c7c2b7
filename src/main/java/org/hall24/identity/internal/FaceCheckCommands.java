package org.hall24.identity.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.hall24.device.CommandOutcome;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.identity.SessionChallenge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends a session's {@link SessionChallenge} to its kiosk, the {@code face-check} command, off the
 * caller's thread. Card reads arrive on the device gateway's thread for that kiosk, and
 * {@link DeviceCommands#send} waits for the kiosk's reply, which would queue behind the card read
 * itself: so the command goes to a small pool ({@value #THREADS} threads, {@value #QUEUE} waiting).
 * A kiosk that does not answer holds one thread for at most {@link #TIMEOUT} (the command is
 * resent meanwhile; it is idempotent). A command whose session no longer waits for a face when its
 * turn comes is not sent; one that finds the queue full is dropped and logged (the same card on the
 * reader again sends it anew). Every outcome but {@code ok} is logged.
 */
@Component
class FaceCheckCommands implements DisposableBean {

    static final int THREADS = 4;
    static final int QUEUE = 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(6);

    private static final Logger log = LoggerFactory.getLogger(FaceCheckCommands.class);

    private final DeviceCommands commands;
    private final ThreadPoolExecutor pool;

    FaceCheckCommands(DeviceCommands commands) {
        this.commands = commands;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "face-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, executor) -> log.warn("A face-check command was dropped: {}",
                executor.isShutdown() ? "the application is stopping" : QUEUE + " are waiting already"));
    }

    /**
     * Sends the challenge to the kiosk, later and on another thread; never blocks.
     *
     * @param stillWanted asked just before sending: whether the session still waits for a face report
     */
    void send(String deviceCode, SessionChallenge challenge, BooleanSupplier stillWanted) {
        pool.execute(() -> {
            if (!stillWanted.getAsBoolean()) {
                log.debug("Face-check for {} not sent: its session no longer waits for a face", deviceCode);
                return;
            }
            CommandOutcome outcome;
            try {
                outcome = commands.send(deviceCode, DeviceCommand.faceCheck(challenge.nonce(), challenge.cardHash()), TIMEOUT);
            }
            catch (RuntimeException e) {
                log.warn("Face-check to {} failed: {}", deviceCode, e.toString());
                return;
            }
            if (outcome.ok()) {
                log.debug("Kiosk {} has the face-check nonce of its session (command {})", deviceCode, outcome.commandId());
            }
            else if ("UNKNOWN_COMMAND".equals(outcome.code())) {
                log.info("Kiosk {} has no face module for the face-check (command {}): {}", deviceCode, outcome.commandId(),
                        outcome.message());
            }
            else {
                log.warn("Kiosk {} did not take the face-check of its session (command {}): {}{}{}; its face reports "
                        + "will be refused until it does", deviceCode, outcome.commandId(), outcome.result(),
                        outcome.code() == null ? "" : " " + outcome.code(),
                        outcome.message() == null ? "" : " (" + outcome.message() + ")");
            }
        });
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
