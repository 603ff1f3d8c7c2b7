package org.hall24.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hall24.notifications.Channel;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.OutboxQuery;
import org.hall24.notifications.SendOutcome;
import org.hall24.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox in PostgreSQL ({@code notification_message}, its attempts and parts). Every method
 * runs in the caller's transaction; {@link OutboxDispatcher} keeps them short.
 */
@Repository
class Outbox {

    static final String SHOWN_COLUMNS = """
            id, channel, template, recipient_shown, shown_subject, shown_body, state, attempts, parts, provider, provider_id,
            provider_answer, created_at, next_at, submitted_at, finished_at, secret, body is not null as has_body""";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Outbox(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    static String recipientIndex(PersonalDataCipher cipher, Channel channel, String recipient) {
        return cipher.blindIndex((channel == Channel.SMS ? "sms:" : "email:") + recipient);
    }

    /** A message to queue. */
    record NewMessage(UUID id, Channel channel, String template, Locale locale, String recipient, String recipientShown,
            @Nullable String subject, String body, @Nullable String shownSubject, String shownBody, boolean secret, int maxAttempts,
            Instant createdAt, Instant usefulUntil) {
    }

    void insert(NewMessage m) {
        jdbc.sql("""
                insert into notification_message (id, channel, template, locale, recipient, recipient_index, recipient_shown, subject, body,
                    shown_subject, shown_body, secret, state, max_attempts, created_at, useful_until, next_at)
                values (:id, :channel, :template, :locale, :recipient, :recipientIndex, :recipientShown, :subject, :body,
                    :shownSubject, :shownBody, :secret, 'QUEUED', :maxAttempts, :createdAt, :usefulUntil, :createdAt)""")
                .param("id", m.id()).param("channel", m.channel().name()).param("template", m.template())
                .param("locale", m.locale().toLanguageTag())
                .param("recipient", cipher.encrypt(m.recipient()))
                .param("recipientIndex", recipientIndex(cipher, m.channel(), m.recipient()))
                .param("recipientShown", m.recipientShown())
                .param("subject", m.subject() == null ? null : cipher.encrypt(m.subject()))
                .param("body", cipher.encrypt(m.body()))
                .param("shownSubject", m.shownSubject()).param("shownBody", m.shownBody()).param("secret", m.secret())
                .param("maxAttempts", m.maxAttempts())
                .param("createdAt", Timestamp.from(m.createdAt())).param("usefulUntil", Timestamp.from(m.usefulUntil()))
                .update();
    }

    /** A message claimed for one attempt, with what is sent (decrypted). */
    record Claimed(UUID id, Channel channel, int attempt, String recipient, @Nullable String subject, String body, Instant usefulUntil) {

        @Override
        public String toString() {
            return "Claimed[" + id + "#" + attempt + "]";
        }
    }

    /**
     * Claims due messages of a channel for one attempt each: they become SENDING with their attempt
     * counted and started before anyone calls a provider, held by a lease, not by this transaction.
     * A due message past its use EXPIRES instead.
     */
    List<Claimed> claim(Channel channel, int max, Instant now, Duration lease, String by) {
        record Due(UUID id, int attempts, @Nullable String recipient, @Nullable String subject, @Nullable String body, Instant usefulUntil) {
        }
        List<Due> due = jdbc.sql("""
                select id, attempts, recipient, subject, body, useful_until from notification_message
                where channel = ? and state in ('QUEUED', 'TEMPORARY_FAILURE') and next_at <= ?
                order by next_at limit ? for update skip locked""")
                .params(channel.name(), Timestamp.from(now), max)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        List<Claimed> claimed = new ArrayList<>();
        for (Due d : due) {
            if (!d.usefulUntil().isAfter(now) || d.body() == null) {
                finish(d.id(), DeliveryState.EXPIRED, d.body() == null ? "its text is gone" : "not sent in time: it was useful until "
                        + d.usefulUntil(), now);
                continue;
            }
            int attempt = d.attempts() + 1;
            jdbc.sql("update notification_message set state = 'SENDING', attempts = ?, lease_until = ? where id = ?")
                    .params(attempt, Timestamp.from(now.plus(lease)), d.id()).update();
            jdbc.sql("insert into notification_attempt (message_id, number, started_at, by_whom) values (?, ?, ?, ?)")
                    .params(d.id(), attempt, Timestamp.from(now), by).update();
            claimed.add(new Claimed(d.id(), channel, attempt, cipher.decrypt(d.recipient()),
                    d.subject() == null ? null : cipher.decrypt(d.subject()), cipher.decrypt(d.body()), d.usefulUntil()));
        }
        return claimed;
    }

    /**
     * Records the outcome of an attempt, if the message is still in it (not taken over by the
     * sweeper after its lease ran out).
     *
     * @param retryAt when to try again after a temporary failure
     * @return the state the message is now in, or empty if the attempt was no longer its own
     */
    Optional<DeliveryState> record(Claimed claimed, String provider, SendOutcome outcome, Instant now, Instant retryAt) {
        Integer maxAttempts = jdbc.sql("select max_attempts from notification_message where id = ? and state = 'SENDING' and attempts = ? for update")
                .params(claimed.id(), claimed.attempt()).query(Integer.class).optional().orElse(null);
        if (maxAttempts == null) {
            return Optional.empty();
        }
        String answer = truncate(outcome.answer());
        DeliveryState state;
        if (outcome instanceof SendOutcome.Submitted submitted) {
            state = DeliveryState.SUBMITTED;
            jdbc.sql("""
                    update notification_message set state = 'SUBMITTED', provider = ?, provider_id = ?, provider_answer = ?, parts = ?,
                        submitted_at = ?, lease_until = null where id = ?""")
                    .params(provider, truncate(submitted.providerIds().get(0), 100), answer, submitted.providerIds().size(),
                            Timestamp.from(now), claimed.id())
                    .update();
            int n = 0;
            for (String providerId : submitted.providerIds()) {
                jdbc.sql("""
                        insert into notification_part (message_id, attempt, number, provider, provider_id, state, updated_at)
                        values (?, ?, ?, ?, ?, 'SUBMITTED', ?) on conflict (provider, provider_id) do nothing""")
                        .params(claimed.id(), claimed.attempt(), ++n, provider, truncate(providerId, 100), Timestamp.from(now)).update();
            }
            if (claimed.channel() == Channel.EMAIL) {
                // SMTP reports no delivery: accepted by the server is as far as it can be followed.
                jdbc.sql("update notification_message set finished_at = ? where id = ?").params(Timestamp.from(now), claimed.id()).update();
                redactIfSecret(claimed.id());
            }
            else {
                state = applyEarlyReceipts(claimed.id(), provider, submitted.providerIds(), now);
            }
        }
        else if (outcome instanceof SendOutcome.Logged) {
            state = DeliveryState.LOGGED;
            jdbc.sql("update notification_message set provider = ?, lease_until = null where id = ?").params(provider, claimed.id()).update();
            finish(claimed.id(), DeliveryState.LOGGED, answer, now);
        }
        else if (outcome instanceof SendOutcome.PermanentFailure) {
            state = DeliveryState.PERMANENT_FAILURE;
            jdbc.sql("update notification_message set provider = ?, lease_until = null where id = ?").params(provider, claimed.id()).update();
            finish(claimed.id(), state, answer, now);
        }
        else {
            jdbc.sql("update notification_message set provider = ?, lease_until = null where id = ?").params(provider, claimed.id()).update();
            state = retryOrGiveUp(claimed.id(), claimed.attempt(), maxAttempts, answer, now, retryAt, claimed.usefulUntil());
        }
        endAttempt(claimed.id(), claimed.attempt(), state, answer, now);
        return Optional.of(state);
    }

    private DeliveryState retryOrGiveUp(UUID id, int attempt, int maxAttempts, String answer, Instant now, Instant retryAt,
            Instant usefulUntil) {
        if (attempt >= maxAttempts) {
            finish(id, DeliveryState.PERMANENT_FAILURE, truncate("gave up after " + attempt + " attempts; last: " + answer), now);
            return DeliveryState.PERMANENT_FAILURE;
        }
        if (!retryAt.isBefore(usefulUntil)) {
            finish(id, DeliveryState.EXPIRED, truncate("not sent in time (useful until " + usefulUntil + "); last: " + answer), now);
            return DeliveryState.EXPIRED;
        }
        jdbc.sql("update notification_message set state = 'TEMPORARY_FAILURE', provider_answer = ?, next_at = ?, lease_until = null where id = ?")
                .params(answer, Timestamp.from(retryAt), id).update();
        return DeliveryState.TEMPORARY_FAILURE;
    }

    private void endAttempt(UUID id, int attempt, DeliveryState outcome, String answer, Instant now) {
        jdbc.sql("update notification_attempt set ended_at = ?, outcome = ?, answer = ? where message_id = ? and number = ?")
                .params(Timestamp.from(now), outcome.name(), answer, id, attempt).update();
    }

    /** Moves a message to a terminal state, and redacts its text if it held a secret. */
    void finish(UUID id, DeliveryState state, String answer, Instant now) {
        jdbc.sql("update notification_message set state = ?, provider_answer = ?, finished_at = ?, lease_until = null where id = ?")
                .params(state.name(), truncate(answer), Timestamp.from(now), id).update();
        redactIfSecret(id);
    }

    private void redactIfSecret(UUID id) {
        jdbc.sql("update notification_message set body = null, subject = null where id = ? and secret").param(id).update();
    }

    /**
     * Ends attempts whose node stopped while sending (their lease ran out): the provider may or may
     * not have taken the message; it is retried as a new attempt (docs/notifications.md, "At most once per attempt").
     */
    List<UUID> takeOverStale(Instant now, int max, java.util.function.IntFunction<Instant> retryAt) {
        record Stale(UUID id, int attempts, int maxAttempts, Instant usefulUntil) {
        }
        List<Stale> stale = jdbc.sql("""
                select id, attempts, max_attempts, useful_until from notification_message
                where state = 'SENDING' and lease_until < ? order by lease_until limit ? for update skip locked""")
                .params(Timestamp.from(now), max)
                .query((rs, n) -> new Stale(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant()))
                .list();
        for (Stale s : stale) {
            String answer = "outcome unknown: the node sending attempt " + s.attempts() + " stopped before it recorded the answer";
            DeliveryState state = retryOrGiveUp(s.id(), s.attempts(), s.maxAttempts(), answer, now, retryAt.apply(s.attempts()),
                    s.usefulUntil());
            endAttempt(s.id(), s.attempts(), state, answer, now);
        }
        return stale.stream().map(Stale::id).toList();
    }

    /** Expires what sat queued past its use (a code nobody could send in time). */
    int expireUnsent(Instant now, int max) {
        List<UUID> ids = jdbc.sql("""
                select id from notification_message where state in ('QUEUED', 'TEMPORARY_FAILURE') and useful_until <= ?
                limit ? for update skip locked""")
                .params(Timestamp.from(now), max).query(UUID.class).list();
        ids.forEach(id -> finish(id, DeliveryState.EXPIRED, "not sent in time", now));
        return ids.size();
    }

    // ---- delivery receipts ----

    /**
     * Records a receipt for a part; one for a part not (yet) recorded is kept for it.
     *
     * @return the message's state after it, if the part is known
     */
    Optional<DeliveryState> receipt(String provider, String providerId, DeliveryState state, String answer, Instant now) {
        UUID messageId = jdbc.sql("select message_id from notification_part where provider = ? and provider_id = ?")
                .params(provider, providerId).query(UUID.class).optional().orElse(null);
        if (messageId == null) {
            jdbc.sql("""
                    insert into notification_early_receipt (provider, provider_id, state, answer, received_at) values (?, ?, ?, ?, ?)
                    on conflict (provider, provider_id) do update set state = excluded.state, answer = excluded.answer""")
                    .params(provider, providerId, state.name(), truncate(answer), Timestamp.from(now)).update();
            return Optional.empty();
        }
        lockMessage(messageId);
        jdbc.sql("update notification_part set state = ?, answer = ?, updated_at = ? where provider = ? and provider_id = ?")
                .params(state.name(), truncate(answer), Timestamp.from(now), provider, providerId).update();
        return Optional.of(settle(messageId, now));
    }

    private DeliveryState applyEarlyReceipts(UUID messageId, String provider, List<String> providerIds, Instant now) {
        boolean any = false;
        for (String providerId : providerIds) {
            record Early(String state, @Nullable String answer) {
            }
            Optional<Early> early = jdbc.sql("delete from notification_early_receipt where provider = ? and provider_id = ? returning state, answer")
                    .params(provider, providerId).query((rs, n) -> new Early(rs.getString(1), rs.getString(2))).optional();
            if (early.isPresent()) {
                jdbc.sql("update notification_part set state = ?, answer = ?, updated_at = ? where provider = ? and provider_id = ?")
                        .params(early.get().state(), early.get().answer(), Timestamp.from(now), provider, providerId).update();
                any = true;
            }
        }
        return any ? settle(messageId, now) : DeliveryState.SUBMITTED;
    }

    /** A submitted message's state from its parts': delivered once all are, failed or expired as soon as one is. */
    private DeliveryState settle(UUID messageId, Instant now) {
        record Row(String state, int attempts) {
        }
        Row message = jdbc.sql("select state, attempts from notification_message where id = ?").param(messageId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2))).single();
        DeliveryState current = DeliveryState.valueOf(message.state());
        if (current != DeliveryState.SUBMITTED) {
            return current;
        }
        List<String> parts = jdbc.sql("select state || '|' || coalesce(answer, '') from notification_part where message_id = ? and attempt = ? order by number")
                .params(messageId, message.attempts()).query(String.class).list();
        String failed = parts.stream().filter(p -> p.startsWith("PERMANENT_FAILURE|")).findFirst()
                .or(() -> parts.stream().filter(p -> p.startsWith("EXPIRED|")).findFirst()).orElse(null);
        if (failed != null) {
            DeliveryState state = DeliveryState.valueOf(failed.substring(0, failed.indexOf('|')));
            finish(messageId, state, failed.substring(failed.indexOf('|') + 1), now);
            return state;
        }
        if (!parts.isEmpty() && parts.stream().allMatch(p -> p.startsWith("DELIVERED|"))) {
            String last = parts.get(parts.size() - 1);
            finish(messageId, DeliveryState.DELIVERED, last.substring(last.indexOf('|') + 1), now);
            return DeliveryState.DELIVERED;
        }
        return current;
    }

    private void lockMessage(UUID id) {
        jdbc.sql("select id from notification_message where id = ? for update").param(id).query(UUID.class).optional();
    }

    /** Clears the sent text of secret messages past their use that are still waiting for a receipt (the code is void anyway). */
    int redactPastUse(Instant now) {
        return jdbc.sql("update notification_message set body = null, subject = null where secret and body is not null and useful_until < ? and state = 'SUBMITTED'")
                .param(Timestamp.from(now)).update();
    }

    int sweepEarlyReceipts(Instant before) {
        return jdbc.sql("delete from notification_early_receipt where received_at < ?").param(Timestamp.from(before)).update();
    }

    // ---- admin ----

    List<OutboxMessage> find(OutboxQuery q) {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (q.state() != null) {
            where.append(" and state = ?");
            params.add(q.state().name());
        }
        if (q.channel() != null) {
            where.append(" and channel = ?");
            params.add(q.channel().name());
        }
        if (q.template() != null) {
            where.append(" and template = ?");
            params.add(q.template());
        }
        if (q.recipient() != null) {
            where.append(" and recipient_index in (?, ?)");
            params.add(recipientIndex(cipher, Channel.SMS, q.recipient()));
            params.add(recipientIndex(cipher, Channel.EMAIL, q.recipient()));
        }
        params.add(q.size());
        params.add((long) q.page() * q.size());
        return jdbc.sql("select " + SHOWN_COLUMNS + " from notification_message where " + where
                + " order by created_at desc, id limit ? offset ?")
                .params(params).query(Outbox::shown).list();
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("select " + SHOWN_COLUMNS + " from notification_message where id = ?").param(id).query(Outbox::shown).optional();
    }

    List<OutboxMessage.Attempt> attempts(UUID id) {
        return jdbc.sql("select number, started_at, ended_at, outcome, answer, by_whom from notification_attempt where message_id = ? order by number")
                .param(id)
                .query((rs, n) -> new OutboxMessage.Attempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), instant(rs, 3),
                        rs.getString(4) == null ? null : DeliveryState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Queues a failed message again (one more attempt allowed), if its text is still held. */
    boolean requeue(UUID id, Instant now) {
        return jdbc.sql("""
                update notification_message set state = 'QUEUED', next_at = ?, finished_at = null, max_attempts = attempts + 1,
                    useful_until = greatest(useful_until, ?)
                where id = ? and state in ('PERMANENT_FAILURE', 'EXPIRED', 'TEMPORARY_FAILURE') and body is not null""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(Duration.ofHours(1))), id).update() == 1;
    }

    private static OutboxMessage shown(ResultSet rs, int n) throws SQLException {
        DeliveryState state = DeliveryState.valueOf(rs.getString("state"));
        return new OutboxMessage(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")), rs.getString("template"),
                rs.getString("recipient_shown"), rs.getString("shown_subject"), rs.getString("shown_body"), state,
                rs.getInt("attempts"), rs.getInt("parts"), rs.getString("provider"), rs.getString("provider_id"),
                rs.getString("provider_answer"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_at").toInstant(),
                instant(rs, "submitted_at"), instant(rs, "finished_at"), state.isRetryable() && rs.getBoolean("has_body"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String truncate(@Nullable String text) {
        return truncate(text, 500);
    }

    static String truncate(@Nullable String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
