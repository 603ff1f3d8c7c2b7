package org.hall24.cabinet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.cabinet.Cabinets;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyRecord;
import org.hall24.cabinet.CustodyStep;
import org.hall24.cabinet.Envelope;
import org.hall24.cabinet.PaperDeposited;
import org.hall24.cabinet.internal.DoorCycle.Purpose;
import org.hall24.cabinet.internal.DoorCycle.State;
import org.hall24.catalog.Catalog;
import org.hall24.device.CommandOutcome;
import org.hall24.device.CabinetCompartmentsReported;
import org.hall24.device.CompartmentOccupancyChanged;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.device.DoorClosed;
import org.hall24.device.DoorOpened;
import org.hall24.hall.Halls;
import org.hall24.notifications.StaffAudience;
import org.hall24.notifications.StaffNotifications;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives compartment doors. A cycle is started in a transaction of its own and committed before the
 * {@code open-compartment} command goes out (the command is never sent inside a transaction); the
 * reply, then the cabinet's {@code door-opened}, {@code door-closed} and {@code compartment-occupancy}
 * events move it on, each handled under the cycle's row lock, in whatever order and on whatever node
 * they arrive (the events' own timestamps decide: only a sensor reading taken at or after the door
 * closed confirms anything). What a finished cycle means — paper deposited, collected, a result placed
 * or picked up — is written in the same transaction as its custody entry.
 * <p>
 * Faults: a jammed door puts its compartment out of order (the device layer raises the
 * {@code DOOR_JAMMED} alert the duty operator is texted about) and moves the reservation to another
 * free compartment, which is opened instead; a command that got nowhere, or a deposit the sensor did
 * not see, makes the token usable again for {@link DoorProperties#retryGrace()}; a door that closed
 * but whose sensor never reported takes the compartment out of order.
 */
@Service
public class DoorCycles {

    private static final Logger log = LoggerFactory.getLogger(DoorCycles.class);
    private static final String COLUMNS = """
            id, cabinet_code, compartment, purpose, reservation_id, envelope, actor, state, command_id, started_at, opened_at,
            closed_at, occupied, occupied_at, finished_at, detail, replaced_by""";
    private static final int MOVES_AFTER_JAM = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DeviceCommands commands;
    private final Cabinets cabinets;
    private final Custody custody;
    private final StaffNotifications staff;
    private final Halls halls;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DoorProperties properties;

    DoorCycles(JdbcClient jdbc, TransactionTemplate tx, DeviceCommands commands, Cabinets cabinets, Custody custody,
            StaffNotifications staff, Halls halls, Catalog catalog, ApplicationEventPublisher events, Clock clock,
            DoorProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.commands = commands;
        this.cabinets = cabinets;
        this.custody = custody;
        this.staff = staff;
        this.halls = halls;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    // ---- starting and opening

    /**
     * Records a cycle about to open a door, in its own transaction.
     *
     * @throws DoorBusyException if the door has an unfinished cycle
     */
    DoorCycle start(String cabinetCode, String compartment, Purpose purpose, @Nullable UUID reservationId, @Nullable String envelope,
            String actor) {
        return tx.execute(status -> insert(cabinetCode, compartment, purpose, reservationId, envelope, actor, State.OPENING, null));
    }

    private DoorCycle insert(String cabinetCode, String compartment, Purpose purpose, @Nullable UUID reservationId,
            @Nullable String envelope, String actor, State state, @Nullable Instant openedAt) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into cabinet_door_cycle (id, cabinet_code, compartment, purpose, reservation_id, envelope, actor, state,
                        command_id, started_at, opened_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, cabinetCode, compartment, purpose.name(), reservationId, envelope, actor, state.name(),
                            state == State.OPENING ? UUID.randomUUID() : null, Timestamp.from(now),
                            openedAt == null ? null : Timestamp.from(openedAt))
                    .update();
        }
        catch (DuplicateKeyException busy) {
            throw new DoorBusyException(cabinetCode, compartment);
        }
        return find(id).orElseThrow();
    }

    /**
     * Sends the cycle's {@code open-compartment} and records the reply; a jammed door moves the
     * cycle's reservation to another compartment and opens that one (at most a few times).
     *
     * @return the cycle as it stands after the reply: OPEN, still OPENING (no reply yet: the door's
     *         events or a late reply decide), JAMMED (with {@code replacedBy} when another door took over) or FAILED
     */
    DoorCycle open(DoorCycle cycle) {
        DoorCycle current = cycle;
        for (int moves = 0; ; moves++) {
            CommandOutcome outcome = commands.send(current.cabinetCode(), DeviceCommand.openCompartment(current.compartment()),
                    properties.openTimeout(), current.commandId());
            DoorCycle after = recordReply(current, outcome);
            if (after.state() != State.JAMMED || after.replacedBy() == null || moves >= MOVES_AFTER_JAM) {
                return after;
            }
            current = find(after.replacedBy()).orElseThrow();
        }
    }

    private DoorCycle recordReply(DoorCycle cycle, CommandOutcome outcome) {
        return tx.execute(status -> {
            DoorCycle c = lock(cycle.id()).orElseThrow();
            if (c.state().finished()) {
                return c;
            }
            Instant now = clock.instant();
            switch (outcome.result()) {
                case OK -> {
                    if (c.state() == State.OPENING) {
                        setState(c, State.OPEN, null, false);
                    }
                }
                case TIMED_OUT -> log.warn("Cabinet {} door {} did not answer open-compartment in time; waiting for its events",
                        c.cabinetCode(), c.compartment());
                case OFFLINE -> fail(c, "OFFLINE", now);
                case ERROR -> {
                    if ("DOOR_JAMMED".equals(outcome.code())) {
                        jammed(c, now);
                    }
                    else {
                        fail(c, String.valueOf(outcome.code()), now);
                    }
                }
            }
            return find(c.id()).orElseThrow();
        });
    }

    /** The door did not open: out of order, and the reservation (if any) moves to another free compartment, whose cycle follows. */
    private void jammed(DoorCycle c, Instant now) {
        setState(c, State.JAMMED, "DOOR_JAMMED", true);
        cabinets.outOfOrder(c.cabinetCode(), c.compartment(), "DOOR_JAMMED", "cabinet");
        if (c.reservationId() == null || !(c.purpose() == Purpose.DEPOSIT || c.purpose() == Purpose.PLACE)) {
            // Something is inside a jammed door (a deposit, a result): it stays there until an operator frees it.
            reactivate(c, now);
            return;
        }
        Optional<String> other = jdbc.sql("""
                select name from cabinet_compartment where cabinet_code = ? and state = 'FREE'
                order by substring(name, 1, 1), length(name), name limit 1 for update skip locked""")
                .param(c.cabinetCode()).query(String.class).optional();
        if (other.isEmpty()) {
            log.warn("Cabinet {}: door {} jammed and no other compartment is free; reservation {} cancelled", c.cabinetCode(),
                    c.compartment(), c.reservationId());
            jdbc.sql("update cabinet_reservation set state = 'CANCELLED', short_code_sealed = null where id = ?").param(c.reservationId()).update();
            return;
        }
        jdbc.sql("update cabinet_reservation set compartment = ? where id = ?").params(other.get(), c.reservationId()).update();
        jdbc.sql("""
                update cabinet_compartment set state = 'RESERVED', reservation_id = ?,
                    reserved_until = (select expires_at from cabinet_reservation where id = ?), updated_at = ?
                where cabinet_code = ? and name = ?""")
                .params(c.reservationId(), c.reservationId(), Timestamp.from(now), c.cabinetCode(), other.get()).update();
        DoorCycle next = insert(c.cabinetCode(), other.get(), c.purpose(), c.reservationId(), c.envelope(), c.actor(), State.OPENING, null);
        jdbc.sql("update cabinet_door_cycle set replaced_by = ? where id = ?").params(next.id(), c.id()).update();
        log.warn("Cabinet {}: door {} jammed; reservation {} moved to {}", c.cabinetCode(), c.compartment(), c.reservationId(),
                other.get());
    }

    private void fail(DoorCycle c, String why, Instant now) {
        setState(c, State.FAILED, why, true);
        reactivate(c, now);
        log.warn("Cabinet {} door {} ({}) failed: {}", c.cabinetCode(), c.compartment(), c.purpose(), why);
    }

    /** A citizen's token that opened nothing useful works again for the grace period. */
    private void reactivate(DoorCycle c, Instant now) {
        if (c.reservationId() == null || !(c.purpose() == Purpose.DEPOSIT || c.purpose() == Purpose.PICKUP)) {
            return;
        }
        jdbc.sql("""
                update cabinet_reservation set state = 'ACTIVE', used_at = null, used_by = null,
                    grace_until = least(expires_at, ?)
                where id = ? and state = 'USED'""")
                .params(Timestamp.from(now.plus(properties.retryGrace())), c.reservationId()).update();
    }

    // ---- the cabinet's events

    @ApplicationModuleListener
    void on(DoorOpened event) {
        try {
            opened(event);
        }
        catch (DoorBusyException raced) {
            // Another node (or thread) just recorded a cycle for this door: the event belongs to it.
            opened(event);
        }
    }

    private void opened(DoorOpened event) {
        tx.executeWithoutResult(status -> {
            Optional<DoorCycle> active = active(event.deviceCode(), event.compartment());
            if (active.isEmpty()) {
                if (!known(event.deviceCode(), event.compartment())) {
                    return;
                }
                log.warn("Cabinet {}: door {} opened without being opened by the platform", event.deviceCode(), event.compartment());
                insert(event.deviceCode(), event.compartment(), Purpose.UNPLANNED, null, occupiedBy(event.deviceCode(), event.compartment()),
                        "device:" + event.deviceCode(), State.OPEN, event.at());
                return;
            }
            DoorCycle c = active.get();
            jdbc.sql("update cabinet_door_cycle set opened_at = coalesce(opened_at, ?), state = case when state = 'OPENING' then 'OPEN' else state end where id = ?")
                    .params(Timestamp.from(event.at()), c.id()).update();
        });
    }

    @ApplicationModuleListener
    void on(DoorClosed event) {
        tx.executeWithoutResult(status -> active(event.deviceCode(), event.compartment()).ifPresent(c -> {
            jdbc.sql("update cabinet_door_cycle set closed_at = ? where id = ? and (closed_at is null or closed_at < ?)")
                    .params(Timestamp.from(event.at()), c.id(), Timestamp.from(event.at())).update();
            settle(find(c.id()).orElseThrow());
        }));
    }

    @ApplicationModuleListener
    void on(CompartmentOccupancyChanged event) {
        tx.executeWithoutResult(status -> {
            Optional<DoorCycle> active = active(event.deviceCode(), event.compartment());
            if (active.isEmpty()) {
                unattended(event);
                return;
            }
            DoorCycle c = active.get();
            jdbc.sql("update cabinet_door_cycle set occupied = ?, occupied_at = ? where id = ? and (occupied_at is null or occupied_at <= ?)")
                    .params(event.occupied(), Timestamp.from(event.at()), c.id(), Timestamp.from(event.at())).update();
            settle(find(c.id()).orElseThrow());
        });
    }

    /**
     * Catches up from the cabinet's periodic telemetry on door and sensor changes whose events were
     * missed (the platform restarted while a door was open, a message was lost): a door reported open
     * for a cycle still waiting for the reply to its command is open; a door reported closed for an
     * open cycle is closed as of the report; and a later report, at least {@link #SENSOR_SETTLE} after
     * that close, gives the item sensor's reading. Reports older than what a cycle knows are ignored.
     */
    @EventListener
    void on(CabinetCompartmentsReported report) {
        List<DoorCycle> open = jdbc.sql("select " + COLUMNS + " from cabinet_door_cycle where cabinet_code = ? and finished_at is null")
                .param(report.deviceCode()).query(DoorCycle::read).list();
        for (DoorCycle known : open) {
            report.compartments().stream().filter(r -> r.compartment().equals(known.compartment())).findFirst()
                    .ifPresent(reading -> tx.executeWithoutResult(status -> lock(known.id()).filter(c -> !c.state().finished())
                            .ifPresent(c -> catchUp(c, reading, report.at()))));
        }
    }

    /** How long after a door closed its item sensor's reading in telemetry is trusted. */
    static final Duration SENSOR_SETTLE = Duration.ofSeconds(3);

    private void catchUp(DoorCycle c, CabinetCompartmentsReported.Reading reading, Instant at) {
        if (!at.isAfter(c.startedAt())) {
            return;
        }
        if (reading.doorOpen()) {
            if (c.state() == State.OPENING) {
                log.warn("Cabinet {} door {}: reported open though its command's reply never came; the cycle goes on", c.cabinetCode(),
                        c.compartment());
                jdbc.sql("update cabinet_door_cycle set state = 'OPEN', opened_at = coalesce(opened_at, ?) where id = ?")
                        .params(Timestamp.from(at), c.id()).update();
            }
            return;
        }
        if (c.state() != State.OPEN || c.openedAt() == null || !at.isAfter(c.openedAt())) {
            return;
        }
        if (c.closedAt() == null) {
            log.warn("Cabinet {} door {}: its close was missed; closed as of the telemetry at {}", c.cabinetCode(), c.compartment(), at);
            jdbc.sql("update cabinet_door_cycle set closed_at = ? where id = ?").params(Timestamp.from(at), c.id()).update();
            return;
        }
        boolean sensorMissed = c.occupiedAt() == null || c.occupiedAt().isBefore(c.closedAt());
        if (sensorMissed && !at.isBefore(c.closedAt().plus(SENSOR_SETTLE))) {
            log.warn("Cabinet {} door {}: its item sensor's change was missed; it reads {} in the telemetry at {}", c.cabinetCode(),
                    c.compartment(), reading.occupied() ? "occupied" : "empty", at);
            jdbc.sql("update cabinet_door_cycle set occupied = ?, occupied_at = ? where id = ?")
                    .params(reading.occupied(), Timestamp.from(at), c.id()).update();
            settle(find(c.id()).orElseThrow());
        }
    }

    /** A sensor change with no door cycle: an envelope gone from a closed door is an incident. */
    private void unattended(CompartmentOccupancyChanged event) {
        String inside = occupiedBy(event.deviceCode(), event.compartment());
        if (inside != null && !event.occupied()) {
            log.error("Cabinet {}: compartment {} reads empty but should hold {}; taken out of order for an operator to check",
                    event.deviceCode(), event.compartment(), inside);
            jdbc.sql("update cabinet_compartment set state = 'OUT_OF_ORDER', reason = 'EMPTIED_UNEXPECTEDLY', updated_at = ? where cabinet_code = ? and name = ?")
                    .params(Timestamp.from(clock.instant()), event.deviceCode(), event.compartment()).update();
        }
        else if (inside == null && event.occupied()) {
            log.warn("Cabinet {}: compartment {} reads occupied but should be empty", event.deviceCode(), event.compartment());
        }
    }

    /** Finishes the cycle once the door is closed and the sensor reported at or after the close. */
    private void settle(DoorCycle c) {
        if (c.state().finished() || c.closedAt() == null || c.occupiedAt() == null || c.occupiedAt().isBefore(c.closedAt())) {
            return;
        }
        boolean occupied = Boolean.TRUE.equals(c.occupied());
        Instant now = clock.instant();
        switch (c.purpose()) {
            case DEPOSIT -> {
                if (occupied) {
                    deposited(c, now);
                }
                else {
                    setState(c, State.EMPTY, null, true);
                    reactivate(c, now);
                    log.info("Cabinet {} door {}: closed but empty; the deposit token works again for {}", c.cabinetCode(),
                            c.compartment(), properties.retryGrace());
                }
            }
            case PLACE -> {
                if (occupied) {
                    setState(c, State.DONE, null, true);
                    occupy(c, now);
                    custody.record(new CustodyRecord(Envelope.parse(c.envelope()), CustodyStep.RESULT_PLACED, c.actor(), c.cabinetCode(),
                            c.compartment(), null));
                    events.publishEvent(new DoorCycleDone(c));
                }
                else {
                    setState(c, State.EMPTY, null, true);
                }
            }
            case COLLECT, PICKUP, RETURN -> {
                if (occupied) {
                    setState(c, State.NOT_TAKEN, null, true);
                    // A citizen who closed the door on their result may try again for a short while.
                    reactivate(c, now);
                }
                else {
                    setState(c, State.DONE, null, true);
                    String envelope = c.envelope();
                    emptied(c, now);
                    CustodyStep step = c.purpose() == Purpose.COLLECT ? CustodyStep.COLLECTED
                            : c.purpose() == Purpose.PICKUP ? CustodyStep.PICKED_UP : CustodyStep.RETURNED_TO_COUNTER;
                    if (envelope != null) {
                        custody.record(new CustodyRecord(Envelope.parse(envelope), step, c.actor(), c.cabinetCode(), c.compartment(), null));
                    }
                    if (c.purpose() != Purpose.COLLECT) {
                        events.publishEvent(new DoorCycleDone(c));
                    }
                }
            }
            case UNPLANNED -> {
                setState(c, State.DONE, null, true);
                if (c.envelope() != null && !occupied) {
                    unattended(new CompartmentOccupancyChanged(c.cabinetCode(), UUID.randomUUID(), now, c.compartment(), false));
                }
            }
        }
    }

    private void deposited(DoorCycle c, Instant now) {
        setState(c, State.DONE, null, true);
        occupy(c, now);
        Envelope envelope = Envelope.parse(c.envelope());
        custody.record(new CustodyRecord(envelope, CustodyStep.DEPOSITED, c.actor(), c.cabinetCode(), c.compartment(), null));
        record Held(String department, @Nullable String itemCode) {
        }
        Held held = jdbc.sql("update cabinet_reservation set short_code_sealed = null where id = ? returning department, item_code")
                .param(c.reservationId()).query((rs, n) -> new Held(rs.getString(1), rs.getString(2))).single();
        halls.device(c.cabinetCode()).ifPresent(cabinet -> {
            String hallName = halls.hall(cabinet.hall()).map(h -> h.name().in(Locale.SIMPLIFIED_CHINESE)).orElse(cabinet.hall());
            String departmentName = catalog.department(held.department()).map(d -> d.name().in(Locale.SIMPLIFIED_CHINESE))
                    .orElse(held.department());
            String item = held.itemCode() == null ? "纸质材料"
                    : catalog.item(held.itemCode()).map(i -> i.name().in(Locale.SIMPLIFIED_CHINESE)).orElse(held.itemCode());
            staff.notify(StaffAudience.collectors(held.department(), cabinet.hall()), "paper-to-collect",
                    Map.of("department", departmentName, "item", item, "number", envelope.filingNumber(), "hall", hallName,
                            "compartment", c.compartment()));
        });
        events.publishEvent(new PaperDeposited(envelope.filingNumber(), c.cabinetCode(), c.compartment(), now));
        log.info("Cabinet {}: paper of {} deposited in {}", c.cabinetCode(), envelope.filingNumber(), c.compartment());
    }

    private void occupy(DoorCycle c, Instant now) {
        jdbc.sql("""
                update cabinet_compartment set state = 'OCCUPIED', occupied_by = ?, occupied_since = ?, overdue_alerted_at = null,
                    department = (select department from cabinet_reservation where id = ?), updated_at = ?
                where cabinet_code = ? and name = ?""")
                .params(c.envelope(), Timestamp.from(now), c.reservationId(), Timestamp.from(now), c.cabinetCode(), c.compartment())
                .update();
    }

    private void emptied(DoorCycle c, Instant now) {
        jdbc.sql("""
                update cabinet_compartment set state = 'FREE', occupied_by = null, occupied_since = null, overdue_alerted_at = null,
                    department = null, reservation_id = null, reserved_until = null, updated_at = ?
                where cabinet_code = ? and name = ? and state = 'OCCUPIED'""")
                .params(Timestamp.from(now), c.cabinetCode(), c.compartment()).update();
    }

    private void setState(DoorCycle c, State state, @Nullable String detail, boolean finished) {
        jdbc.sql("update cabinet_door_cycle set state = ?, detail = coalesce(?, detail), finished_at = ? where id = ?")
                .params(state.name(), detail, finished ? Timestamp.from(clock.instant()) : null, c.id()).update();
    }

    // ---- watchdog

    /**
     * Gives up doors that never opened, and takes out of order compartments whose door closed but
     * whose sensor never reported. Rows are claimed with {@code SKIP LOCKED}: two nodes never handle one.
     */
    @Scheduled(fixedDelayString = "${hall24.cabinet.doors.check:5s}")
    void watch() {
        Instant now = clock.instant();
        List<UUID> stale = jdbc.sql("""
                select id from cabinet_door_cycle where finished_at is null and (
                    (state = 'OPENING' and started_at < ?) or (closed_at is not null and closed_at < ?))
                order by started_at limit 50""")
                .params(Timestamp.from(now.minus(properties.openingGiveUp())), Timestamp.from(now.minus(properties.sensorWait())))
                .query(UUID.class).list();
        for (UUID id : stale) {
            tx.executeWithoutResult(status -> jdbc.sql("select " + COLUMNS + " from cabinet_door_cycle where id = ? and finished_at is null for update skip locked")
                    .param(id).query(DoorCycle::read).optional().ifPresent(c -> {
                        if (c.state() == State.OPENING && c.openedAt() == null && c.closedAt() == null) {
                            fail(c, "NO_REPLY", now);
                        }
                        else if (c.closedAt() != null && (c.occupiedAt() == null || c.occupiedAt().isBefore(c.closedAt()))) {
                            setState(c, State.FAILED, "NO_SENSOR_READING", true);
                            cabinets.outOfOrder(c.cabinetCode(), c.compartment(), "DOOR_SENSOR_FAULT", "cabinet");
                            log.error("Cabinet {} door {} closed but its item sensor never reported: out of order", c.cabinetCode(),
                                    c.compartment());
                        }
                    }));
        }
    }

    // ---- reading

    Optional<DoorCycle> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cabinet_door_cycle where id = ?").param(id).query(DoorCycle::read).optional();
    }

    private Optional<DoorCycle> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cabinet_door_cycle where id = ? for update").param(id).query(DoorCycle::read).optional();
    }

    private Optional<DoorCycle> active(String cabinetCode, String compartment) {
        return jdbc.sql("select " + COLUMNS + " from cabinet_door_cycle where cabinet_code = ? and compartment = ? and finished_at is null for update")
                .params(cabinetCode, compartment).query(DoorCycle::read).optional();
    }

    /** The cabinet's latest cycles, newest first. */
    List<DoorCycle> latest(String cabinetCode, int limit) {
        return jdbc.sql("select " + COLUMNS + " from cabinet_door_cycle where cabinet_code = ? order by started_at desc limit ?")
                .params(cabinetCode, limit).query(DoorCycle::read).list();
    }

    private boolean known(String cabinetCode, String compartment) {
        return jdbc.sql("select count(*) from cabinet_compartment where cabinet_code = ? and name = ?").params(cabinetCode, compartment)
                .query(Integer.class).single() > 0;
    }

    private @Nullable String occupiedBy(String cabinetCode, String compartment) {
        return jdbc.sql("select occupied_by from cabinet_compartment where cabinet_code = ? and name = ? and state = 'OCCUPIED'")
                .params(cabinetCode, compartment).query(String.class).optional().orElse(null);
    }

    /** The door already has a cycle that has not finished. */
    public static final class DoorBusyException extends RuntimeException {

        DoorBusyException(String cabinetCode, String compartment) {
            super("cabinet " + cabinetCode + " door " + compartment + " is being used");
        }
    }
}
