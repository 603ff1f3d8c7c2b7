package org.hall24.alerting.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code alerting_incident}: open faults and what the operator was told of them. */
@Repository
class Incidents {

    /** The offline "alert": the device's status, not one of its DeviceAlerts. */
    static final String OFFLINE = "OFFLINE";

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An instant as PostgreSQL keeps it (microseconds), so that one compared with a stored one compares alike. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private record Row(boolean open, Instant raisedAt, @Nullable Instant clearedAt, boolean told) {
    }

    /** The incident's row, locked; created closed (as if cleared at {@code at}) when there is none yet. */
    private Row lock(String device, String alert, String detail, String hall, Instant at, boolean createOpen) {
        jdbc.sql("""
                insert into alerting_incident (device_code, alert, detail, hall, open, raised_at, cleared_at)
                values (?, ?, ?, ?, false, ?, ?) on conflict do nothing""")
                .params(device, alert, detail, hall, Timestamp.from(at), createOpen ? null : Timestamp.from(at)).update();
        return jdbc.sql("""
                select open, raised_at, cleared_at, notified_open from alerting_incident
                where device_code = ? and alert = ? and detail = ? for update""")
                .params(device, alert, detail)
                .query((rs, n) -> new Row(rs.getBoolean(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                .single();
    }

    /**
     * Opens an incident raised at {@code at}: due after {@code delay}, but not before the quiet period
     * after the last notice of the same alert ends. A raise of an open incident changes nothing, and
     * so does one older than the incident's last clearing (events may be handled out of order).
     */
    void open(String device, String alert, String detail, String hall, Instant raised, Duration delay, Duration quiet) {
        Instant at = stored(raised);
        Row row = lock(device, alert, detail, hall, at, true);
        if (row.open() || row.clearedAt() != null && row.clearedAt().isAfter(at)) {
            return;
        }
        jdbc.sql("""
                update alerting_incident
                set open = true, raised_at = :at, cleared_at = null, notified_open = false, hall = :hall,
                    due_at = greatest(:due, coalesce(notified_at + :quiet * interval '1 millisecond', :due))
                where device_code = :device and alert = :alert and detail = :detail""")
                .param("device", device).param("alert", alert).param("detail", detail).param("hall", hall)
                .param("at", Timestamp.from(at)).param("due", Timestamp.from(at.plus(delay))).param("quiet", quiet.toMillis())
                .update();
    }

    /** A cleared incident: when it was raised, and whether the operator had been told of it (then they hear it cleared). */
    record Cleared(String hall, Instant raisedAt, boolean told) {
    }

    /** Clears an open incident raised before {@code at}; a clearing that comes first is remembered, so an older raise is ignored. */
    Optional<Cleared> close(String device, String alert, String detail, String hall, Instant cleared) {
        Instant at = stored(cleared);
        Row row = lock(device, alert, detail, hall, at, false);
        if (!row.open()) {
            if (row.clearedAt() == null || row.clearedAt().isBefore(at)) {
                jdbc.sql("update alerting_incident set cleared_at = ? where device_code = ? and alert = ? and detail = ?")
                        .params(Timestamp.from(at), device, alert, detail).update();
            }
            return Optional.empty();
        }
        if (row.raisedAt().isAfter(at)) {
            return Optional.empty();
        }
        jdbc.sql("""
                update alerting_incident set open = false, cleared_at = ?, due_at = null, notified_open = false
                where device_code = ? and alert = ? and detail = ?""")
                .params(Timestamp.from(at), device, alert, detail).update();
        return Optional.of(new Cleared(hall, row.raisedAt(), row.told()));
    }

    /** An incident the operator is to be told of now. */
    record Due(String device, String alert, String detail, String hall, Instant raisedAt) {
    }

    /** Claims due incidents (several nodes may run the job; each row is taken by one) and marks them told. */
    List<Due> claimDue(Instant now, int max) {
        List<Due> due = jdbc.sql("""
                select device_code, alert, detail, hall, raised_at from alerting_incident
                where open and due_at <= ? order by due_at limit ? for update skip locked""")
                .params(Timestamp.from(now), max)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        for (Due d : due) {
            jdbc.sql("""
                    update alerting_incident set due_at = null, notified_at = ?, notified_open = true
                    where device_code = ? and alert = ? and detail = ?""")
                    .params(Timestamp.from(now), d.device(), d.alert(), d.detail()).update();
        }
        return due;
    }
}
