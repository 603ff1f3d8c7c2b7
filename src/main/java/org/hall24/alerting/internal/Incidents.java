package org.hall24.alerting.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /**
     * Opens an incident (a repeated raise of an open one changes nothing). It is due after
     * {@code delay}, but not before the quiet period after the last notice of the same alert ends.
     */
    void open(String device, String alert, String detail, String hall, Instant at, Duration delay, Duration quiet) {
        jdbc.sql("""
                insert into alerting_incident (device_code, alert, detail, hall, open, raised_at, due_at)
                values (:device, :alert, :detail, :hall, true, :at, :due)
                on conflict (device_code, alert, detail) do update
                    set open = true, raised_at = excluded.raised_at, cleared_at = null, notified_open = false, hall = excluded.hall,
                        due_at = greatest(excluded.due_at, coalesce(alerting_incident.notified_at + :quiet * interval '1 millisecond', excluded.due_at))
                    where not alerting_incident.open""")
                .param("device", device).param("alert", alert).param("detail", detail).param("hall", hall)
                .param("at", Timestamp.from(at)).param("due", Timestamp.from(at.plus(delay))).param("quiet", quiet.toMillis())
                .update();
    }

    /** A cleared incident: when it was raised, and whether the operator had been told of it (then they hear it cleared). */
    record Cleared(String hall, Instant raisedAt, boolean told) {
    }

    Optional<Cleared> close(String device, String alert, String detail, Instant at) {
        return jdbc.sql("""
                update alerting_incident set open = false, cleared_at = ?, due_at = null
                where device_code = ? and alert = ? and detail = ? and open
                returning hall, raised_at, notified_open""")
                .params(Timestamp.from(at), device, alert, detail)
                .query((rs, n) -> new Cleared(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3))).optional()
                .map(c -> {
                    jdbc.sql("update alerting_incident set notified_open = false where device_code = ? and alert = ? and detail = ?")
                            .params(device, alert, detail).update();
                    return c;
                });
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
