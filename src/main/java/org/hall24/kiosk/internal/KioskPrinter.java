package org.hall24.kiosk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hall24.applications.Applications;
import org.hall24.applications.FilingSubmitted;
import org.hall24.device.CommandOutcome;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.kiosk.KioskPrint;
import org.hall24.kiosk.KioskPrintEnded;
import org.hall24.kiosk.KioskPrints;
import org.hall24.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kiosks' printing, after the response ({@link KioskPrints}). Requests are rows of
 * {@link PrintQueue}; once the requesting transaction commits, a dispatcher thread claims pending rows
 * and hands each to one of at most {@code hall24.kiosk.print.senders} printer threads, which renders
 * the document (a receipt from its filing, or the sealed PDF), sends the {@code print} command, waits
 * for the printer's answer (at most {@code hall24.kiosk.print.timeout}), records the outcome and
 * publishes {@link KioskPrintEnded}. Rows wait in the database, not in memory, while every printer
 * thread is busy. The dispatcher also runs every {@code hall24.kiosk.print.poll}, so the prints a
 * stopped node left, or another node's, are taken up:
 * <ul>
 * <li>a print never sent (still {@code PENDING}) is sent, unless it was asked for more than
 * {@code hall24.kiosk.print.max-wait} ago: then it fails as {@code EXPIRED}, because the person has
 * likely left and paper with their data must not come out for the next one;</li>
 * <li>a print that was being sent when its node stopped (its lease ran out) fails as
 * {@code INTERRUPTED}: the printer may have printed it, and sending it again could print it twice; the
 * screen offers the reprint button. (The print is sent under the row's {@code command_id}, so the command
 * log shows what the printer last answered for it; a device that recognised a resent id could let these be
 * sent again instead — the protocol does not promise that yet.)</li>
 * </ul>
 */
@Service
class KioskPrinter implements KioskPrints, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KioskPrinter.class);
    private static final int BATCH = 20;
    /** How long past the printer's timeout a claim holds before another node may take the row as interrupted. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final PrintQueue queue;
    private final Applications applications;
    private final DeviceCommands commands;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration timeout;
    private final Duration maxWait;
    private final Duration poll;
    private final int senderCount;

    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile boolean running;
    private @Nullable ScheduledExecutorService dispatcher;
    private @Nullable ThreadPoolExecutor senders;
    private final Semaphore free;

    KioskPrinter(PrintQueue queue, Applications applications, DeviceCommands commands, PersonalDataCipher cipher,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            @Value("${hall24.kiosk.print.timeout:15s}") Duration timeout,
            @Value("${hall24.kiosk.print.max-wait:120s}") Duration maxWait,
            @Value("${hall24.kiosk.print.poll:2s}") Duration poll,
            @Value("${hall24.kiosk.print.senders:16}") int senderCount) {
        this.queue = queue;
        this.applications = applications;
        this.commands = commands;
        this.cipher = cipher;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.timeout = timeout;
        this.maxWait = maxWait;
        this.poll = poll;
        this.senderCount = Math.max(1, senderCount);
        this.free = new Semaphore(this.senderCount);
    }

    // ------------------------------------------------------------------ requests

    /** A filing's receipt is printed at the kiosk it was submitted at, atomically with the filing. */
    @EventListener
    void on(FilingSubmitted submitted) {
        receipt("filing-submitted:" + submitted.number(), submitted.deviceCode(), submitted.number(),
                submitted.locale() == null ? Locale.SIMPLIFIED_CHINESE : submitted.locale());
    }

    @Override
    public KioskPrint receipt(String requestKey, String deviceCode, String filingNumber, Locale locale) {
        return request(requestKey, deviceCode, KioskPrints.receiptOf(filingNumber), filingNumber, null, locale);
    }

    @Override
    public KioskPrint document(String requestKey, String deviceCode, String subject, byte[] pdf) {
        return request(requestKey, deviceCode, subject, null, cipher.encrypt(Base64.getEncoder().encodeToString(pdf)),
                Locale.SIMPLIFIED_CHINESE);
    }

    private KioskPrint request(String requestKey, String deviceCode, String subject, @Nullable String filingNumber,
            @Nullable String content, Locale locale) {
        return transactions.execute(status -> {
            KioskPrint print = queue.request(requestKey, deviceCode, subject, filingNumber, content, locale, now());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge();
                }
            });
            return print;
        });
    }

    @Override
    public Optional<KioskPrint> last(String subject) {
        return queue.last(subject);
    }

    // ------------------------------------------------------------------ printing

    /** Asks the dispatcher to look at the queue now (coalesced: one look for many nudges). */
    void nudge() {
        ScheduledExecutorService d = dispatcher;
        if (!running || d == null || !nudged.compareAndSet(false, true)) {
            return;
        }
        try {
            d.execute(() -> {
                nudged.set(false);
                dispatchQuietly();
            });
        }
        catch (RejectedExecutionException stopping) {
            nudged.set(false);
        }
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        }
        catch (RuntimeException e) {
            log.warn("Kiosk print dispatch failed; the next one retries", e);
        }
    }

    /**
     * Ends what a stopped node left and hands pending prints to free printer threads.
     *
     * @return how many prints were handed over
     */
    int dispatch() {
        Instant now = now();
        queue.expire(now.minus(maxWait), now, "not started within " + maxWait.toSeconds() + " s of the request")
                .forEach(this::ended);
        queue.interrupt(now, "the node printing it stopped; the outcome is unknown").forEach(this::ended);
        ThreadPoolExecutor pool = senders;
        int handed = 0;
        while (running && pool != null) {
            int slots = 0;
            while (slots < BATCH && free.tryAcquire()) {
                slots++;
            }
            if (slots == 0) {
                break;
            }
            List<PrintQueue.Claimed> claimed = queue.claim(slots, now.minus(maxWait), now.plus(timeout).plus(LEASE_MARGIN));
            free.release(slots - claimed.size());
            for (PrintQueue.Claimed print : claimed) {
                try {
                    pool.execute(() -> {
                        try {
                            print(print);
                        }
                        finally {
                            free.release();
                            nudge();
                        }
                    });
                    handed++;
                }
                catch (RejectedExecutionException stopping) {
                    free.release();
                }
            }
            if (claimed.size() < slots) {
                break;
            }
        }
        return handed;
    }

    private void print(PrintQueue.Claimed print) {
        KioskPrint p = print.print();
        byte[] pdf;
        try {
            pdf = print.filingNumber() != null
                    ? applications.receipt(print.filingNumber(), print.locale(), "kiosk:" + p.deviceCode())
                    : Base64.getDecoder().decode(cipher.decrypt(print.content()));
        }
        catch (RuntimeException e) {
            log.warn("Print {} ({} copy {}) for {} could not be rendered", p.id(), p.subject(), p.copy(), p.deviceCode(), e);
            finish(print, KioskPrint.State.FAILED, "NOT_RENDERED", "the document could not be made: " + e.getClass().getSimpleName());
            return;
        }
        CommandOutcome outcome;
        try {
            outcome = send(print, pdf);
        }
        catch (RuntimeException e) {
            log.warn("Print {} ({} copy {}) not sent to {}", p.id(), p.subject(), p.copy(), p.deviceCode(), e);
            finish(print, KioskPrint.State.FAILED, "NOT_SENT", e.getMessage());
            return;
        }
        if (outcome.ok()) {
            finish(print, KioskPrint.State.PRINTED, null, null);
        }
        else {
            String code = outcome.code() != null ? outcome.code() : outcome.result().name();
            log.warn("{} copy {} not printed on {}: {} {}", p.subject(), p.copy(), p.deviceCode(), outcome.result(), code);
            finish(print, KioskPrint.State.FAILED, code, outcome.message());
        }
    }

    /** The one call into the device module, under the row's own command id, so the command log names the print. */
    private CommandOutcome send(PrintQueue.Claimed print, byte[] pdf) {
        return commands.send(print.print().deviceCode(), DeviceCommand.print(print.documentId(), pdf), timeout,
                print.commandId());
    }

    private void finish(PrintQueue.Claimed print, KioskPrint.State state, @Nullable String code, @Nullable String message) {
        queue.finish(print.print().id(), print.attempt(), state, code, message, now()).ifPresent(this::ended);
    }

    private void ended(KioskPrint print) {
        events.publishEvent(new KioskPrintEnded(print.id(), print.deviceCode(), print.subject(), print.copy(), print.state(),
                print.code()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        senders = new ThreadPoolExecutor(senderCount, senderCount, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(senderCount),
                r -> {
                    Thread t = new Thread(r, "kiosk-print-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        senders.allowCoreThreadTimeOut(true);
        ScheduledExecutorService d = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-print-dispatch");
            t.setDaemon(true);
            return t;
        });
        dispatcher = d;
        running = true;
        d.scheduleWithFixedDelay(this::dispatchQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService d = dispatcher;
        if (d != null) {
            d.shutdownNow();
        }
        ThreadPoolExecutor pool = senders;
        if (pool != null) {
            pool.shutdown();
            try {
                // Prints under way get their answer and are recorded; what is left is taken up by the next start.
                if (!pool.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                }
            }
            catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
