package org.hall24.device.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code device_status_change} log: status changes and alerts raised and cleared. */
@Repository
public class HealthHistory {

    /** One line of a device's history. */
    public record Change(String deviceCode, @Nullable String hall, String change, DeviceStatus status,
            @Nullable DeviceAlert alert, @Nullable String detail, Instant at) {
    }

    private final JdbcClient jdbc;

    HealthHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Change change) {
        jdbc.sql("""
                insert into device_status_change (device_code, hall_code, change, status, alert, detail, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(change.deviceCode(), change.hall(), change.change(), change.status().name(),
                        change.alert() == null ? null : change.alert().name(), change.detail(), Timestamp.from(change.at()))
                .update();
    }

    /** The newest changes of a device first, at most {@code limit}. */
    public List<Change> of(String deviceCode, int limit) {
        return jdbc.sql("""
                select device_code, hall_code, change, status, alert, detail, changed_at from device_status_change
                where device_code = ? order by changed_at desc, id desc limit ?""")
                .params(deviceCode, limit)
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3),
                        DeviceStatus.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : DeviceAlert.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Every device code the history knows, for the monitor to list devices seen before this start. */
    public List<String> knownDevices() {
        return jdbc.sql("select distinct device_code from device_status_change order by device_code").query(String.class).list();
    }

    /** Whether this device event id was seen before; records it if not. */
    boolean firstReceipt(java.util.UUID eventId, String deviceCode, String type, Instant at) {
        return jdbc.sql("""
                insert into device_event_receipt (event_id, device_code, type, received_at) values (?, ?, ?, ?)
                on conflict (event_id) do nothing""")
                .params(eventId, deviceCode, type, Timestamp.from(at))
                .update() == 1;
    }
}
