package org.hall24.device.commands;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code device_command} table: every command sent and its outcome. */
@Repository
public class CommandLog {

    /**
     * A recorded command.
     *
     * @param args its arguments, without the large ones (a print's {@code content})
     * @param late whether its reply came after it had been reported {@code TIMED_OUT}; {@code outcome}
     *        is then the reply's
     */
    public record Entry(UUID id, String deviceCode, String type, Map<String, String> args, int attempts, Instant sentAt,
            String outcome, @Nullable String code, @Nullable String message, @Nullable Instant repliedAt, boolean late) {
    }

    /** Arguments too large to keep in the log. */
    static final java.util.Set<String> UNLOGGED_ARGS = java.util.Set.of("content");
    private static final TypeReference<Map<String, String>> ARGS = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CommandLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void sent(UUID id, String device, @Nullable String hall, String type, Map<String, String> args, Instant at) {
        Map<String, String> kept = new java.util.TreeMap<>(args);
        kept.keySet().removeAll(UNLOGGED_ARGS);
        jdbc.sql("""
                insert into device_command (id, device_code, hall_code, type, args, attempts, sent_at, outcome)
                values (?, ?, ?, ?, cast(? as jsonb), 0, ?, 'PENDING')""")
                .params(id, device, hall, type, JSON.writeValueAsString(kept), Timestamp.from(at)).update();
    }

    /** The command is sent again under its id (by a caller that lost track of it): pending again. */
    void resent(UUID id, @Nullable String hall) {
        jdbc.sql("update device_command set outcome = 'PENDING', hall_code = coalesce(?, hall_code), late = false where id = ?")
                .params(hall, id).update();
    }

    void ended(UUID id, String outcome, int attempts, @Nullable String code, @Nullable String message,
            @Nullable Instant repliedAt) {
        jdbc.sql("""
                update device_command set outcome = ?, attempts = ?, code = ?, message = ?, replied_at = ? where id = ?""")
                .params(outcome, attempts, code, message, repliedAt == null ? null : Timestamp.from(repliedAt), id)
                .update();
    }

    /**
     * Records a reply that came after its command was reported {@code TIMED_OUT}: the reply's outcome
     * replaces it, marked late. Only the device the command was sent to can answer it, and only once.
     *
     * @return the command as now recorded; empty when no command of this device is timed out under this id
     */
    Optional<Entry> late(UUID id, String device, String outcome, @Nullable String code, @Nullable String message,
            Instant at) {
        return jdbc.sql("""
                update device_command set outcome = ?, code = ?, message = ?, replied_at = ?, late = true
                where id = ? and device_code = ? and outcome = 'TIMED_OUT'
                returning *""")
                .params(outcome, code, message, Timestamp.from(at), id, device)
                .query(CommandLog::entry).optional();
    }

    public @Nullable Entry find(UUID id) {
        return jdbc.sql("select * from device_command where id = ?").param(id).query(CommandLog::entry).optional().orElse(null);
    }

    public List<Entry> recent(String deviceCode, int limit) {
        return jdbc.sql("select * from device_command where device_code = ? order by sent_at desc limit ?")
                .params(deviceCode, limit).query(CommandLog::entry).list();
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp replied = rs.getTimestamp("replied_at");
        String args = rs.getString("args");
        return new Entry(rs.getObject("id", UUID.class), rs.getString("device_code"), rs.getString("type"),
                args == null ? Map.of() : Map.copyOf(JSON.readValue(args, ARGS)), rs.getInt("attempts"), rs.getTimestamp("sent_at").toInstant(), rs.getString("outcome"),
                rs.getString("code"), rs.getString("message"), replied == null ? null : replied.toInstant(),
                rs.getBoolean("late"));
    }
}
