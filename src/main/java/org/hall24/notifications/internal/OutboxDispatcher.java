package org.hall24.notifications.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hall24.notifications.Channel;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.EmailProvider;
import org.hall24.notifications.SendOutcome;
import org.hall24.notifications.SmsProvider;
import org.hall24.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands queued messages to their channel's provider (ADR 0018). Each channel is its own periodic
 * job, so on its own thread ({@code platform.ThreadPerJobScheduler}): a hung SMSC delays neither
 * e-mail nor any other job. A run claims a few due messages in one short transaction (SENDING,
 * attempt counted and started, a lease), calls the provider outside any transaction, and records
 * each outcome in another. Claims skip locked rows, so nodes share the queue and never send one
 * attempt twice; an attempt whose node stopped is taken over by {@link #sweep} once its lease runs
 * out, and retried as a new attempt.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final SmsProvider sms;
    private final EmailProvider email;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final NotificationProperties properties;
    private final String node = "dispatcher@" + ManagementFactory.getRuntimeMXBean().getName();

    OutboxDispatcher(Outbox outbox, SmsProvider sms, EmailProvider email, TransactionTemplate tx, Clock clock,
            NotificationProperties properties) {
        this.outbox = outbox;
        this.sms = sms;
        this.email = email;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${hall24.notifications.dispatch-delay:500ms}")
    public void dispatchSms() {
        dispatch(Channel.SMS);
    }

    @Scheduled(fixedDelayString = "${hall24.notifications.dispatch-delay:500ms}")
    public void dispatchEmail() {
        dispatch(Channel.EMAIL);
    }

    /** Sends the channel's due messages, a batch at a time, until none is due; returns how many attempts it made. */
    int dispatch(Channel channel) {
        int attempts = 0;
        while (true) {
            List<Outbox.Claimed> claimed = tx.execute(s -> outbox.claim(channel, properties.batch(), clock.instant(), properties.lease(), node));
            if (claimed == null || claimed.isEmpty()) {
                return attempts;
            }
            for (Outbox.Claimed message : claimed) {
                send(message);
                attempts++;
            }
            if (claimed.size() < properties.batch()) {
                return attempts;
            }
        }
    }

    private void send(Outbox.Claimed message) {
        String provider = message.channel() == Channel.SMS ? sms.name() : email.name();
        SendOutcome outcome;
        try {
            outcome = message.channel() == Channel.SMS
                    ? sms.send(new SmsProvider.OutgoingSms(message.id(), message.attempt(), message.recipient(), message.body()))
                    : email.send(new EmailProvider.OutgoingEmail(message.id(), message.attempt(), message.recipient(),
                            message.subject() == null ? "" : message.subject(), message.body()));
            if (outcome == null) {
                outcome = new SendOutcome.TemporaryFailure(provider + " gave no answer");
            }
        }
        catch (RuntimeException e) {
            outcome = new SendOutcome.TemporaryFailure(provider + " failed: " + e);
        }
        SendOutcome answered = outcome;
        Instant now = clock.instant();
        var state = tx.execute(s -> outbox.record(message, provider, answered, now, now.plus(backoff(message.attempt()))));
        String to = message.channel() == Channel.SMS ? Masking.phone(message.recipient()) : Masking.email(message.recipient());
        if (state == null || state.isEmpty()) {
            log.warn("{} {} attempt {} to {}: {} answered after the attempt was taken over; its answer is not recorded: {}",
                    message.channel(), message.id(), message.attempt(), to, provider, answered.answer());
        }
        else if (state.get() == DeliveryState.TEMPORARY_FAILURE || state.get() == DeliveryState.PERMANENT_FAILURE
                || state.get() == DeliveryState.EXPIRED) {
            log.warn("{} {} attempt {} to {}: {} ({})", message.channel(), message.id(), message.attempt(), to, state.get(),
                    answered.answer());
        }
        else if (state.get() == DeliveryState.LOGGED) {
            log.info("{} {} to {} LOGGED (not sent): {}", message.channel(), message.id(), to, answered.answer());
        }
        else {
            log.info("{} {} attempt {} to {}: {} by {} ({})", message.channel(), message.id(), message.attempt(), to, state.get(),
                    provider, answered.answer());
        }
    }

    /** Takes over attempts of stopped nodes, expires what sat past its use, forgets old early receipts. */
    @Scheduled(fixedDelayString = "${hall24.notifications.sweep-delay:5s}")
    public void sweep() {
        Instant now = clock.instant();
        List<java.util.UUID> taken = tx.execute(s -> outbox.takeOverStale(now, 100, attempt -> now.plus(backoff(attempt))));
        if (taken != null && !taken.isEmpty()) {
            log.warn("Took over {} message(s) whose sending node stopped mid-attempt: {}", taken.size(), taken);
        }
        Integer expired = tx.execute(s -> outbox.expireUnsent(now, 500));
        if (expired != null && expired > 0) {
            log.warn("{} message(s) EXPIRED unsent (past their use)", expired);
        }
        tx.executeWithoutResult(s -> {
            outbox.redactPastUse(now);
            outbox.sweepEarlyReceipts(now.minus(Duration.ofDays(1)));
        });
    }

    /** The wait after a failed attempt: {@code retry-initial × 2^(attempt-1)}, at most {@code retry-max}, ±20 % so retries spread. */
    Duration backoff(int attempt) {
        long base = properties.retryInitial().toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(base, properties.retryMax().toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }
}
