package org.hall24.device.commands;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code device_command} table: every command sent and its outcome. */
@Repository
public class CommandLog {

    /** A recorded command. */
    public record Entry(UUID id, String deviceCode, String type, int attempts, Instant sentAt, String outcome,
            @Nullable String code, @Nullable String message, @Nullable Instant repliedAt, boolean late) {
    }

    private final JdbcClient jdbc;

    CommandLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void sent(UUID id, String device, @Nullable String hall, String type, Instant at) {
        jdbc.sql("""
                insert into device_command (id, device_code, hall_code, type, attempts, sent_at, outcome)
                values (?, ?, ?, ?, 0, ?, 'PENDING')""")
                .params(id, device, hall, type, Timestamp.from(at)).update();
    }

    void ended(UUID id, String outcome, int attempts, @Nullable String code, @Nullable String message,
            @Nullable Instant repliedAt) {
        jdbc.sql("""
                update device_command set outcome = ?, attempts = ?, code = ?, message = ?, replied_at = ? where id = ?""")
                .params(outcome, attempts, code, message, repliedAt == null ? null : Timestamp.from(repliedAt), id)
                .update();
    }

    /** Records a reply to a command that had timed out; its outcome stays. */
    boolean late(UUID id, Instant at) {
        return jdbc.sql("""
                update device_command set late = true, replied_at = coalesce(replied_at, ?)
                where id = ? and outcome = 'TIMED_OUT'""")
                .params(Timestamp.from(at), id).update() == 1;
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
        return new Entry(rs.getObject("id", UUID.class), rs.getString("device_code"), rs.getString("type"),
                rs.getInt("attempts"), rs.getTimestamp("sent_at").toInstant(), rs.getString("outcome"),
                rs.getString("code"), rs.getString("message"), replied == null ? null : replied.toInstant(),
                rs.getBoolean("late"));
    }
}
