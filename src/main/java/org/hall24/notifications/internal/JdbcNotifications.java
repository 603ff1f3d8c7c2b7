package org.hall24.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.SmsProvider;
import org.hall24.shared.Masking;
import org.hall24.shared.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox in PostgreSQL and its dispatcher. */
@Service
class JdbcNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(JdbcNotifications.class);
    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final SmsProvider provider;
    private final Clock clock;

    JdbcNotifications(JdbcClient jdbc, MessageSource messages, SmsProvider provider, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID sendSms(MobileNumber to, String template, List<String> args, Locale locale, String purpose) {
        String text = messages.getMessage("notifications.sms." + template, args.toArray(), locale);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into notification_outbox (id, channel, recipient, text, purpose, state, created_at, next_at)
                values (?, 'SMS', ?, ?, ?, 'PENDING', ?, ?)""")
                .params(id, to.value(), text, purpose, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
                .update();
        log.info("Queued SMS {} ({}) to {}", id, purpose, to.masked());
        return id;
    }

    @Override
    public List<OutboxMessage> latest(int limit) {
        return jdbc.sql("""
                select id, channel, recipient, text, purpose, state, attempts, last_error, created_at, sent_at
                from notification_outbox order by created_at desc limit ?""")
                .param(limit)
                .query((rs, n) -> new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("channel"),
                        Masking.phone(rs.getString("recipient")), rs.getString("text"), rs.getString("purpose"),
                        OutboxMessage.State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    /** Hands due messages to the provider; several nodes may run it, each row is taken by one. */
    @Scheduled(fixedDelayString = "${hall24.notifications.dispatch-delay:500ms}")
    @Transactional
    public void dispatch() {
        record Due(UUID id, String recipient, String text, int attempts) {
        }
        List<Due> due = jdbc.sql("""
                select id, recipient, text, attempts from notification_outbox
                where state = 'PENDING' and next_at <= ? order by next_at limit ? for update skip locked""")
                .params(java.sql.Timestamp.from(clock.instant()), BATCH)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("text"),
                        rs.getInt("attempts")))
                .list();
        for (Due message : due) {
            int attempts = message.attempts() + 1;
            try {
                provider.send(message.recipient(), message.text());
                jdbc.sql("update notification_outbox set state = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
                        .params(attempts, java.sql.Timestamp.from(clock.instant()), message.id()).update();
            } catch (RuntimeException e) {
                boolean last = attempts >= MAX_ATTEMPTS;
                log.warn("SMS {} to {} refused (attempt {}): {}", message.id(), Masking.phone(message.recipient()), attempts,
                        e.getMessage());
                jdbc.sql("update notification_outbox set state = ?, attempts = ?, last_error = ?, next_at = ? where id = ?")
                        .params(last ? "FAILED" : "PENDING", attempts, String.valueOf(e.getMessage()),
                                java.sql.Timestamp.from(clock.instant().plus(backoff(attempts))), message.id())
                        .update();
            }
        }
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 5L << Math.min(attempts - 1, 6)));
    }
}
