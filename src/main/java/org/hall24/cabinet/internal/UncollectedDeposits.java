package org.hall24.cabinet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hall24.cabinet.Envelope;
import org.hall24.catalog.Catalog;
import org.hall24.hall.Halls;
import org.hall24.notifications.StaffAudience;
import org.hall24.notifications.StaffNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deposit still in its compartment {@link DoorProperties#collectWithin()} after it was made texts
 * the department's collectors ({@code paper-not-collected}), and again each further period it waits.
 * Compartments are claimed with {@code FOR UPDATE SKIP LOCKED}: two nodes never send one reminder twice.
 */
@Component
class UncollectedDeposits {

    private static final Logger log = LoggerFactory.getLogger(UncollectedDeposits.class);

    private final JdbcClient jdbc;
    private final StaffNotifications staff;
    private final Halls halls;
    private final Catalog catalog;
    private final Clock clock;
    private final DoorProperties properties;

    UncollectedDeposits(JdbcClient jdbc, StaffNotifications staff, Halls halls, Catalog catalog, Clock clock, DoorProperties properties) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.halls = halls;
        this.catalog = catalog;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${hall24.cabinet.doors.check:5s}")
    @Transactional
    public void remind() {
        Instant now = clock.instant();
        Timestamp due = Timestamp.from(now.minus(properties.collectWithin()));
        record Overdue(String cabinet, String compartment, String envelope, String department) {
        }
        List<Overdue> overdue = jdbc.sql("""
                select cabinet_code, name, occupied_by, department from cabinet_compartment
                where state = 'OCCUPIED' and occupied_by like 'paper:%' and occupied_since <= ?
                  and (overdue_alerted_at is null or overdue_alerted_at <= ?)
                order by occupied_since limit 50 for update skip locked""")
                .params(due, due).query((rs, n) -> new Overdue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        for (Overdue o : overdue) {
            jdbc.sql("update cabinet_compartment set overdue_alerted_at = ? where cabinet_code = ? and name = ?")
                    .params(Timestamp.from(now), o.cabinet(), o.compartment()).update();
            halls.device(o.cabinet()).ifPresent(cabinet -> {
                String hallName = halls.hall(cabinet.hall()).map(h -> h.name().in(Locale.SIMPLIFIED_CHINESE)).orElse(cabinet.hall());
                String department = o.department() == null ? "" : o.department();
                staff.notify(StaffAudience.collectors(department, cabinet.hall()), "paper-not-collected", Map.of(
                        "department", catalog.department(department).map(d -> d.name().zh()).orElse(department),
                        "number", Envelope.parse(o.envelope()).filingNumber(), "hall", hallName, "compartment", o.compartment(),
                        "hours", Long.toString(Math.max(1, properties.collectWithin().toHours()))));
            });
            log.warn("Cabinet {}: {} not collected from {} within {}; collectors reminded", o.cabinet(), o.envelope(), o.compartment(),
                    properties.collectWithin());
        }
    }
}
