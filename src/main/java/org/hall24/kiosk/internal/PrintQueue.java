package org.hall24.kiosk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hall24.kiosk.KioskPrint;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kiosk prints in PostgreSQL ({@code kiosk_print}). A request reserves its copy number under an
 * advisory lock on its subject, so two requests never take the same copy; printer threads on any
 * node claim pending rows with {@code FOR UPDATE SKIP LOCKED} and hold them by a lease, not by an open
 * transaction, while the printer answers.
 */
@Repository
class PrintQueue {

    private static final String COLUMNS = "id, device_code, subject, copy, state, code, message, requested_at, ended_at";

    /** A print claimed for sending, with what it needs to be rendered and sent. */
    record Claimed(KioskPrint print, @Nullable String filingNumber, @Nullable String content, Locale locale, UUID commandId,
            int attempt) {

        /** What the printer is told the document is: {@code receipt-<number>-<copy>}, {@code answer-<id>-<copy>}. */
        String documentId() {
            return print.subject().replace(':', '-') + "-" + print.copy();
        }
    }

    private final JdbcClient jdbc;

    PrintQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request, or finds the one with the same key. Must run in a transaction. */
    KioskPrint request(String requestKey, String deviceCode, String subject, @Nullable String filingNumber,
            @Nullable String content, Locale locale, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("kiosk_print:" + subject).query().singleRow();
        Optional<KioskPrint> existing = byKey(requestKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        int copy = jdbc.sql("select coalesce(max(copy), 0) + 1 from kiosk_print where subject = ?").param(subject)
                .query(Integer.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into kiosk_print (id, request_key, device_code, subject, copy, filing_number, content, locale, state,
                                         command_id, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(id, requestKey, deviceCode, subject, copy, filingNumber, content, locale.toLanguageTag(),
                        UUID.randomUUID(), Timestamp.from(now))
                .update();
        return new KioskPrint(id, deviceCode, subject, copy, KioskPrint.State.PENDING, null, null, now, null);
    }

    Optional<KioskPrint> byKey(String requestKey) {
        return jdbc.sql("select " + COLUMNS + " from kiosk_print where request_key = ?").param(requestKey).query(PRINT)
                .optional();
    }

    Optional<KioskPrint> last(String subject) {
        return jdbc.sql("select " + COLUMNS + " from kiosk_print where subject = ? order by copy desc limit 1").param(subject)
                .query(PRINT).optional();
    }

    /** Takes up to {@code max} pending prints asked for after {@code oldest}, oldest first, for {@code leaseUntil}. */
    List<Claimed> claim(int max, Instant oldest, Instant leaseUntil) {
        return jdbc.sql("""
                update kiosk_print set state = 'PRINTING', attempts = attempts + 1, lease_until = ?
                where id in (select id from kiosk_print where state = 'PENDING' and requested_at > ?
                             order by requested_at limit ? for update skip locked)
                returning %s, filing_number, content, locale, command_id, attempts""".formatted(COLUMNS))
                .params(Timestamp.from(leaseUntil), Timestamp.from(oldest), max)
                .query((rs, n) -> new Claimed(PRINT.mapRow(rs, n), rs.getString("filing_number"), rs.getString("content"),
                        Locale.forLanguageTag(rs.getString("locale")), rs.getObject("command_id", UUID.class),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Records how a claimed print ended; drops its sealed document. Only the claim that sent it writes
     * (a later claim of the same row has another attempt number).
     */
    Optional<KioskPrint> finish(UUID id, int attempt, KioskPrint.State state, @Nullable String code, @Nullable String message,
            Instant at) {
        return jdbc.sql("""
                update kiosk_print set state = ?, code = ?, message = ?, ended_at = ?, lease_until = null, content = null
                where id = ? and attempts = ?
                returning %s""".formatted(COLUMNS))
                .params(state.name(), code, truncate(message), Timestamp.from(at), id, attempt)
                .query(PRINT).optional();
    }

    /** Fails the pending prints asked for at or before {@code oldest} as {@code EXPIRED}. */
    List<KioskPrint> expire(Instant oldest, Instant now, String message) {
        return jdbc.sql("""
                update kiosk_print set state = 'FAILED', code = 'EXPIRED', message = ?, ended_at = ?, content = null
                where id in (select id from kiosk_print where state = 'PENDING' and requested_at <= ? for update skip locked)
                returning %s""".formatted(COLUMNS))
                .params(message, Timestamp.from(now), Timestamp.from(oldest))
                .query(PRINT).list();
    }

    /** Fails the prints whose sender's lease ran out before {@code now} (its node stopped) as {@code INTERRUPTED}. */
    List<KioskPrint> interrupt(Instant now, String message) {
        return jdbc.sql("""
                update kiosk_print set state = 'FAILED', code = 'INTERRUPTED', message = ?, ended_at = ?, lease_until = null,
                                       content = null
                where id in (select id from kiosk_print where state = 'PRINTING' and lease_until < ? for update skip locked)
                returning %s""".formatted(COLUMNS))
                .params(message, Timestamp.from(now), Timestamp.from(now))
                .query(PRINT).list();
    }

    private static @Nullable String truncate(@Nullable String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }

    private static final RowMapper<KioskPrint> PRINT = (ResultSet rs, int n) -> print(rs);

    private static KioskPrint print(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new KioskPrint(rs.getObject("id", UUID.class), rs.getString("device_code"), rs.getString("subject"),
                rs.getInt("copy"), KioskPrint.State.valueOf(rs.getString("state")), rs.getString("code"), rs.getString("message"),
                rs.getTimestamp("requested_at").toInstant(), ended == null ? null : ended.toInstant());
    }
}
