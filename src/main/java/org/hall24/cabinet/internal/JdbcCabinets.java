package org.hall24.cabinet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.hall24.cabinet.Cabinets;
import org.hall24.cabinet.Compartment;
import org.hall24.cabinet.CompartmentState;
import org.hall24.cabinet.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Compartments and reservations in PostgreSQL. */
@Service
class JdbcCabinets implements Cabinets {

    private static final Logger log = LoggerFactory.getLogger(JdbcCabinets.class);
    private static final List<String> SIZES = List.of("S", "M", "L");

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcCabinets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Compartment> compartments(String cabinetCode) {
        return jdbc.sql("""
                select cabinet_code, name, size, state, reservation_id, reserved_until, occupied_by, reason, updated_at
                from cabinet_compartment where cabinet_code = ? order by substring(name, 1, 1), length(name), name""")
                .param(cabinetCode).query(JdbcCabinets::compartment).list();
    }

    @Override
    @Transactional
    public Optional<Reservation> reserve(String cabinetCode, Reservation.Purpose purpose, String subject, String department,
            String size, Duration validFor) {
        int smallest = SIZES.indexOf(size);
        if (smallest < 0) {
            throw new IllegalArgumentException("a compartment size is S, M or L, not " + size);
        }
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a reservation is valid for a positive time");
        }
        if (jdbc.sql("select count(*) from cabinet_compartment where cabinet_code = ?").param(cabinetCode).query(Integer.class).single() == 0) {
            throw new NoSuchElementException("no cabinet " + cabinetCode);
        }
        Instant now = clock.instant();
        // The smallest fitting free compartment, nearest the top-left; a row another transaction holds is skipped, not waited for.
        Optional<String> name = jdbc.sql("""
                select name from cabinet_compartment
                where cabinet_code = ? and state = 'FREE' and size = any(?)
                order by array_position(array['S', 'M', 'L']::varchar[], size), substring(name, 1, 1), length(name), name
                limit 1 for update skip locked""")
                .params(cabinetCode, SIZES.subList(smallest, SIZES.size()).toArray(String[]::new))
                .query(String.class).optional();
        if (name.isEmpty()) {
            log.info("Cabinet {} has no free compartment of size {} or larger for {} {}", cabinetCode, size, purpose, subject);
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Instant expires = now.plus(validFor);
        jdbc.sql("""
                insert into cabinet_reservation (id, cabinet_code, compartment, purpose, subject, department, state, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(id, cabinetCode, name.get(), purpose.name(), subject, department, Timestamp.from(now), Timestamp.from(expires))
                .update();
        jdbc.sql("""
                update cabinet_compartment set state = 'RESERVED', reservation_id = ?, reserved_until = ?, updated_at = ?
                where cabinet_code = ? and name = ?""")
                .params(id, Timestamp.from(expires), Timestamp.from(now), cabinetCode, name.get()).update();
        log.info("Cabinet {} compartment {} reserved for {} {} until {}", cabinetCode, name.get(), purpose, subject, expires);
        return Optional.of(new Reservation(id, cabinetCode, name.get(), purpose, subject, department, expires));
    }

    @Override
    @Transactional
    public boolean cancel(UUID reservation, String by) {
        Instant now = clock.instant();
        boolean cancelled = jdbc.sql("update cabinet_reservation set state = 'CANCELLED', used_at = ?, used_by = ?, short_code_sealed = null where id = ? and state = 'ACTIVE'")
                .params(Timestamp.from(now), by, reservation).update() == 1;
        if (cancelled) {
            freeReservedBy(reservation, now);
            log.info("Cabinet reservation {} cancelled by {}", reservation, by);
        }
        return cancelled;
    }

    private void freeReservedBy(UUID reservation, Instant now) {
        jdbc.sql("""
                update cabinet_compartment set state = 'FREE', reservation_id = null, reserved_until = null, updated_at = ?
                where reservation_id = ? and state = 'RESERVED'""")
                .params(Timestamp.from(now), reservation).update();
    }

    @Override
    @Transactional
    public void outOfOrder(String cabinetCode, String compartment, String reason, String by) {
        Instant now = clock.instant();
        UUID held = jdbc.sql("select reservation_id from cabinet_compartment where cabinet_code = ? and name = ? for update")
                .params(cabinetCode, compartment).query((rs, n) -> rs.getObject(1, UUID.class)).optional()
                .orElseThrow(() -> new NoSuchElementException("no compartment " + compartment + " in cabinet " + cabinetCode));
        if (held != null) {
            jdbc.sql("update cabinet_reservation set state = 'CANCELLED', used_at = ?, used_by = ?, short_code_sealed = null where id = ? and state = 'ACTIVE'")
                    .params(Timestamp.from(now), "out-of-order:" + by, held).update();
        }
        jdbc.sql("""
                update cabinet_compartment set state = 'OUT_OF_ORDER', reservation_id = null, reserved_until = null, reason = ?, updated_at = ?
                where cabinet_code = ? and name = ?""")
                .params(reason, Timestamp.from(now), cabinetCode, compartment).update();
        log.warn("Cabinet {} compartment {} out of order ({}), by {}", cabinetCode, compartment, reason, by);
    }

    @Override
    @Transactional
    public void backInService(String cabinetCode, String compartment, String by) {
        int changed = jdbc.sql("""
                update cabinet_compartment set state = 'FREE', reason = null, occupied_by = null, updated_at = ?
                where cabinet_code = ? and name = ? and state = 'OUT_OF_ORDER'""")
                .params(Timestamp.from(clock.instant()), cabinetCode, compartment).update();
        if (changed == 1) {
            log.info("Cabinet {} compartment {} back in service, by {}", cabinetCode, compartment, by);
        }
    }

    @Override
    public int free(String cabinetCode) {
        return jdbc.sql("select count(*) from cabinet_compartment where cabinet_code = ? and state = 'FREE'").param(cabinetCode)
                .query(Integer.class).single();
    }

    /** Frees the compartments of expired reservations; several nodes may run it, each row is taken by one. */
    @Scheduled(fixedDelayString = "${hall24.cabinet.expiry-check:10s}")
    @Transactional
    public void expire() {
        Instant now = clock.instant();
        List<UUID> expired = jdbc.sql("""
                select id from cabinet_reservation where state = 'ACTIVE' and (expires_at <= ? or grace_until <= ?)
                order by expires_at limit 100 for update skip locked""")
                .params(Timestamp.from(now), Timestamp.from(now)).query(UUID.class).list();
        for (UUID id : expired) {
            jdbc.sql("update cabinet_reservation set state = 'EXPIRED', short_code_sealed = null where id = ?").param(id).update();
            freeReservedBy(id, now);
        }
        if (!expired.isEmpty()) {
            log.info("{} cabinet reservation(s) expired unused; their compartments are free", expired.size());
        }
    }

    private static Compartment compartment(ResultSet rs, int n) throws SQLException {
        Timestamp until = rs.getTimestamp("reserved_until");
        return new Compartment(rs.getString("cabinet_code"), rs.getString("name"), rs.getString("size"),
                CompartmentState.valueOf(rs.getString("state")), rs.getObject("reservation_id", UUID.class),
                until == null ? null : until.toInstant(), rs.getString("occupied_by"), rs.getString("reason"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
