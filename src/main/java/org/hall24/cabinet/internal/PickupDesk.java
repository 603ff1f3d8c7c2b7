package org.hall24.cabinet.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.cabinet.CabinetDeposits;
import org.hall24.cabinet.CabinetPickups;
import org.hall24.cabinet.CabinetTokens;
import org.hall24.cabinet.Cabinets;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyRecord;
import org.hall24.cabinet.CustodyStep;
import org.hall24.cabinet.Envelope;
import org.hall24.cabinet.Reservation;
import org.hall24.cabinet.internal.CabinetStaff.StaffAtCabinet;
import org.hall24.cabinet.internal.DoorCycle.Purpose;
import org.hall24.cabinet.internal.DoorCycles.DoorBusyException;
import org.hall24.catalog.Catalog;
import org.hall24.device.CardRead;
import org.hall24.hall.Halls;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.StaffAudience;
import org.hall24.notifications.StaffNotifications;
import org.hall24.platform.DisplayTime;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Results through the cabinet. Staff reserve a compartment ({@code hall24.cabinet.pickup.place-within},
 * 3 days, to place the result); placing it (a PLACE door cycle closed on an occupied compartment)
 * issues the pickup code and texts it ({@code result-ready-cabinet}); the citizen presents the code at
 * the screen, which then asks for the second factor — the ID card on the cabinet's reader, or the last
 * six characters of the ID number typed — and only then is the code used and the door opened. After
 * {@code hall24.cabinet.pickup.identity-attempts} (5) wrong answers the pickup goes back to the counter.
 * A placed result is reminded after {@code remind-after} (3 days) and goes back to the counter after
 * {@code return-after} (14 days): the department's collectors are texted to take it out. The jobs
 * claim their rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@Service
public class PickupDesk implements CabinetPickups {

    private static final Logger log = LoggerFactory.getLogger(PickupDesk.class);
    /** How long the screen waits for the second factor after a good pickup code. */
    static final Duration IDENTIFY_WINDOW = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Cabinets cabinets;
    private final CabinetDeposits deposits;
    private final HmacCabinetTokens tokens;
    private final Custody custody;
    private final DoorCycles doors;
    private final CabinetDesk desk;
    private final PersonalDataCipher cipher;
    private final Notifications notifications;
    private final StaffNotifications staff;
    private final Halls halls;
    private final Catalog catalog;
    private final DisplayTime displayTime;
    private final Clock clock;
    private final Duration placeWithin;
    private final Duration remindAfter;
    private final Duration returnAfter;
    private final int identityAttempts;
    private final String size;

    PickupDesk(JdbcClient jdbc, TransactionTemplate tx, Cabinets cabinets, CabinetDeposits deposits, HmacCabinetTokens tokens,
            Custody custody, DoorCycles doors, CabinetDesk desk, PersonalDataCipher cipher, Notifications notifications,
            StaffNotifications staff, Halls halls, Catalog catalog, DisplayTime displayTime, Clock clock,
            @Value("${hall24.cabinet.pickup.place-within:3d}") Duration placeWithin,
            @Value("${hall24.cabinet.pickup.remind-after:3d}") Duration remindAfter,
            @Value("${hall24.cabinet.pickup.return-after:14d}") Duration returnAfter,
            @Value("${hall24.cabinet.pickup.identity-attempts:5}") int identityAttempts,
            @Value("${hall24.cabinet.pickup.size:M}") String size) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cabinets = cabinets;
        this.deposits = deposits;
        this.tokens = tokens;
        this.custody = custody;
        this.doors = doors;
        this.desk = desk;
        this.cipher = cipher;
        this.notifications = notifications;
        this.staff = staff;
        this.halls = halls;
        this.catalog = catalog;
        this.displayTime = displayTime;
        this.clock = clock;
        this.placeWithin = placeWithin;
        this.remindAfter = remindAfter;
        this.returnAfter = returnAfter;
        this.identityAttempts = identityAttempts;
        this.size = size;
    }

    // ---- staff reserve

    @Override
    @Transactional
    public Reserved reserve(String hallCode, String filingNumber, String itemCode, MobileNumber phone, ChineseIdNumber idNumber,
            Locale locale, String actor) {
        Optional<Pickup> open = pickupOf(filingNumber).filter(p -> p.state() == State.WAITING_PLACE || p.state() == State.READY
                || p.state() == State.TO_RETURN);
        if (open.isPresent()) {
            return new AlreadyUnderWay(open.get());
        }
        CabinetDeposits.Availability availability = deposits.availability(hallCode);
        if (!(availability instanceof CabinetDeposits.Available available)) {
            return new Unavailable(availability);
        }
        String department = catalog.item(itemCode).orElseThrow(() -> new IllegalArgumentException("no item " + itemCode)).department();
        Optional<Reservation> reserved = cabinets.reserve(available.cabinetCode(), Reservation.Purpose.PICKUP, filingNumber, department, size,
                placeWithin);
        if (reserved.isEmpty()) {
            return new Unavailable(new CabinetDeposits.Full(available.cabinetCode(), null));
        }
        Reservation r = reserved.get();
        Instant now = clock.instant();
        jdbc.sql("update cabinet_reservation set item_code = ? where id = ?").params(itemCode, r.id()).update();
        jdbc.sql("""
                insert into cabinet_pickup (reservation_id, cabinet_code, filing_number, item_code, department, locale, phone, id_index,
                    id_last6_hash, state, reserved_by, reserved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING_PLACE', ?, ?)""")
                .params(r.id(), r.cabinetCode(), filingNumber, itemCode, department, locale.toLanguageTag(), cipher.encrypt(phone.value()),
                        cipher.blindIndex("id:" + idNumber.value()), last6Hash(r.id(), idNumber.value().substring(12)), actor,
                        Timestamp.from(now))
                .update();
        custody.record(new CustodyRecord(Envelope.result(filingNumber), CustodyStep.RESERVED, actor, r.cabinetCode(), r.compartment(), null));
        log.info("Cabinet {} compartment {} held for the result of {} until {}", r.cabinetCode(), r.compartment(), filingNumber,
                r.expiresAt());
        return new Held(r.cabinetCode(), r.compartment(), r.expiresAt());
    }

    @Override
    public Optional<Pickup> pickupOf(String filingNumber) {
        return jdbc.sql("""
                select p.filing_number, p.cabinet_code, r.compartment, p.state, p.reserved_at, p.placed_at, p.return_due_at, p.finished_at
                from cabinet_pickup p join cabinet_reservation r on r.id = p.reservation_id
                where p.filing_number = ? order by p.reserved_at desc limit 1""")
                .param(filingNumber).query(PickupDesk::read).optional();
    }

    private static Pickup read(ResultSet rs, int n) throws SQLException {
        return new Pickup(rs.getString(1), rs.getString(2), rs.getString(3), State.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // ---- staff at the cabinet screen

    /** A result for staff to place, or to take back to the counter. */
    public record StaffTask(String compartment, String filingNumber, String department, Instant since) {
    }

    /** Results reserved for the collector's departments and not placed yet. */
    public List<StaffTask> toPlace(String cabinetCode, StaffAtCabinet member) {
        return tasks(cabinetCode, member, "WAITING_PLACE", "p.reserved_at");
    }

    /** Results of the collector's departments that go back to the counter. */
    public List<StaffTask> toReturn(String cabinetCode, StaffAtCabinet member) {
        return tasks(cabinetCode, member, "TO_RETURN", "coalesce(p.return_due_at, p.placed_at)");
    }

    private List<StaffTask> tasks(String cabinetCode, StaffAtCabinet member, String state, String since) {
        if (member.departments().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.compartment, p.filing_number, p.department, " + since
                + " from cabinet_pickup p join cabinet_reservation r on r.id = p.reservation_id"
                + " where p.cabinet_code = ? and p.state = ? and p.department = any(?) order by 4, 1")
                .params(cabinetCode, state, member.departments().toArray(String[]::new))
                .query((rs, n) -> new StaffTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Opens the held compartment for staff to put the result in. */
    public DoorCycle place(String cabinetCode, StaffAtCabinet member, String compartment) {
        return openFor(cabinetCode, member, compartment, "WAITING_PLACE", Purpose.PLACE);
    }

    /** Opens a compartment whose result goes back to the counter, for staff to take it out. */
    public DoorCycle takeBack(String cabinetCode, StaffAtCabinet member, String compartment) {
        return openFor(cabinetCode, member, compartment, "TO_RETURN", Purpose.RETURN);
    }

    private DoorCycle openFor(String cabinetCode, StaffAtCabinet member, String compartment, String state, Purpose purpose) {
        DoorCycle cycle = tx.execute(status -> {
            Optional<UUID> reservation = jdbc.sql("""
                    select p.reservation_id from cabinet_pickup p join cabinet_reservation r on r.id = p.reservation_id
                    where p.cabinet_code = ? and r.compartment = ? and p.state = ? and p.department = any(?)
                    for update of p""")
                    .params(cabinetCode, compartment, state, member.departments().toArray(String[]::new)).query(UUID.class).optional();
            if (reservation.isEmpty()) {
                throw new CabinetStaff.NotYoursException(compartment);
            }
            String filing = jdbc.sql("select filing_number from cabinet_pickup where reservation_id = ?").param(reservation.get())
                    .query(String.class).single();
            DoorCycle started = doors.start(cabinetCode, compartment, purpose, reservation.get(), Envelope.result(filing).id(),
                    "staff:" + member.username());
            desk.notice(cabinetCode, "CYCLE", null, started.id());
            return started;
        });
        return doors.open(cycle);
    }

    // ---- the door's outcome

    @EventListener
    void on(DoorCycleDone done) {
        DoorCycle c = done.cycle();
        if (c.reservationId() == null) {
            return;
        }
        Optional<Row> pickup = row(c.reservationId());
        if (pickup.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Row p = pickup.get();
        switch (c.purpose()) {
            case PLACE -> placed(p, now);
            case PICKUP -> {
                jdbc.sql("update cabinet_pickup set state = 'PICKED_UP', finished_at = ? where reservation_id = ?")
                        .params(Timestamp.from(now), p.reservation()).update();
                log.info("Cabinet {}: the result of {} was picked up from {}", p.cabinet(), p.filing(), c.compartment());
            }
            case RETURN -> {
                jdbc.sql("update cabinet_pickup set state = 'RETURNED', finished_at = ? where reservation_id = ?")
                        .params(Timestamp.from(now), p.reservation()).update();
                jdbc.sql("update cabinet_reservation set state = 'CANCELLED', short_code_sealed = null where id = ? and state = 'ACTIVE'")
                        .param(p.reservation()).update();
                notifications.sendSms(MobileNumber.of(cipher.decrypt(p.phone())), "result-returned-to-counter",
                        Map.of("number", p.filing(), "hall", hallName(p.cabinet(), p.locale())), p.locale());
                log.info("Cabinet {}: the result of {} was taken back to the counter", p.cabinet(), p.filing());
            }
            default -> {
            }
        }
    }

    /** The result is in: the reservation now lasts until the return date, and the citizen gets the pickup code. */
    private void placed(Row p, Instant now) {
        Instant due = now.plus(returnAfter);
        jdbc.sql("update cabinet_reservation set expires_at = ? where id = ?").params(Timestamp.from(due), p.reservation()).update();
        jdbc.sql("update cabinet_pickup set state = 'READY', placed_at = ?, return_due_at = ? where reservation_id = ?")
                .params(Timestamp.from(now), Timestamp.from(due), p.reservation()).update();
        Reservation reservation = jdbc.sql("select id, cabinet_code, compartment, purpose, subject, department, expires_at from cabinet_reservation where id = ?")
                .param(p.reservation())
                .query((rs, n) -> new Reservation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Reservation.Purpose.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .single();
        CabinetTokens.Issued issued = tokens.issue(reservation);
        notifications.sendSms(MobileNumber.of(cipher.decrypt(p.phone())), "result-ready-cabinet",
                Map.of("number", p.filing(), "hall", hallName(p.cabinet(), p.locale()), "code", issued.shortCode(), "until", displayTime.format(due)),
                p.locale());
        log.info("Cabinet {}: the result of {} is in {}; pickup code texted, back to the counter after {}", p.cabinet(), p.filing(),
                reservation.compartment(), due);
    }

    // ---- the citizen's second factor

    /** What the last-six answer did (the screen then shows the desk's view). */
    public enum Identified {
        OPENED, WRONG, BLOCKED, NOT_WAITING, LOCKED, DOOR_BUSY
    }

    /** The last six characters of the ID number, typed on the screen while it waits for them. */
    public Identified confirm(String cabinetCode, String lastSix, String source) {
        String answer = lastSix.strip().toUpperCase(Locale.ROOT);
        return identify(cabinetCode, (p) -> MessageDigest.isEqual(last6Hash(p.reservation(), answer).getBytes(StandardCharsets.US_ASCII),
                p.last6Hash().getBytes(StandardCharsets.US_ASCII)), source);
    }

    /** An ID card read on the cabinet's own reader (a cabinet that has one) while the screen waits for the second factor. */
    @EventListener
    void on(CardRead read) {
        if (desk.awaitingIdentity(read.deviceCode()).isEmpty()) {
            return;
        }
        String index = cipher.blindIndex("id:" + read.card().idNumber());
        Identified outcome = identify(read.deviceCode(), p -> MessageDigest.isEqual(index.getBytes(StandardCharsets.US_ASCII),
                p.idIndex().getBytes(StandardCharsets.US_ASCII)), "card-reader");
        log.info("Cabinet {}: ID card read for a pickup: {}", read.deviceCode(), outcome);
    }

    private Identified identify(String cabinetCode, java.util.function.Predicate<Row> matches, String source) {
        if (desk.paused(cabinetCode)) {
            return Identified.LOCKED;
        }
        record Outcome(Identified identified, @Nullable DoorCycle cycle) {
        }
        Outcome outcome = tx.execute(status -> {
            Optional<UUID> waiting = desk.awaitingIdentity(cabinetCode);
            if (waiting.isEmpty()) {
                return new Outcome(Identified.NOT_WAITING, null);
            }
            Optional<Row> found = jdbc.sql(ROW + " where reservation_id = ? and state = 'READY' for update").param(waiting.get())
                    .query(PickupDesk::row).optional();
            if (found.isEmpty()) {
                desk.clear(cabinetCode);
                return new Outcome(Identified.NOT_WAITING, null);
            }
            Row p = found.get();
            if (!matches.test(p)) {
                int failures = jdbc.sql("update cabinet_pickup set identity_failures = identity_failures + 1 where reservation_id = ? returning identity_failures")
                        .param(p.reservation()).query(Integer.class).single();
                log.warn("Cabinet {}: a wrong identity answer for the pickup of {} ({} of {}), by {}", cabinetCode, p.filing(), failures,
                        identityAttempts, source);
                if (failures >= identityAttempts) {
                    toCounter(p, "IDENTITY_FAILED");
                    desk.refuse(cabinetCode, "IDENTITY_BLOCKED");
                    return new Outcome(Identified.BLOCKED, null);
                }
                desk.refuse(cabinetCode, "IDENTITY_WRONG");
                return new Outcome(Identified.WRONG, null);
            }
            if (!tokens.use(p.reservation(), "cabinet:" + cabinetCode + ":" + source)) {
                desk.refuse(cabinetCode, "USED");
                return new Outcome(Identified.NOT_WAITING, null);
            }
            String compartment = jdbc.sql("select compartment from cabinet_reservation where id = ?").param(p.reservation())
                    .query(String.class).single();
            try {
                DoorCycle cycle = doors.start(cabinetCode, compartment, Purpose.PICKUP, p.reservation(), Envelope.result(p.filing()).id(),
                        "citizen:" + p.filing());
                desk.notice(cabinetCode, "CYCLE", null, cycle.id());
                return new Outcome(Identified.OPENED, cycle);
            }
            catch (DoorBusyException busy) {
                status.setRollbackOnly();
                return new Outcome(Identified.DOOR_BUSY, null);
            }
        });
        if (outcome.cycle() != null) {
            doors.open(outcome.cycle());
        }
        else if (outcome.identified() == Identified.DOOR_BUSY) {
            desk.refuse(cabinetCode, "DOOR_BUSY");
        }
        return outcome.identified();
    }

    // ---- reminders and returns

    /** Reminds citizens of results waiting since {@code remind-after}; sends to the counter those past their return date. */
    @Scheduled(fixedDelayString = "${hall24.cabinet.pickup.check:1m}")
    void sweep() {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> jdbc.sql(ROW + " where state = 'READY' and reminded_at is null and placed_at <= ? "
                + "and return_due_at > ? order by placed_at limit 50 for update skip locked")
                .params(Timestamp.from(now.minus(remindAfter)), Timestamp.from(now)).query(PickupDesk::row).list().forEach(p -> {
                    jdbc.sql("update cabinet_pickup set reminded_at = ? where reservation_id = ?").params(Timestamp.from(now), p.reservation())
                            .update();
                    Instant due = jdbc.sql("select return_due_at from cabinet_pickup where reservation_id = ?").param(p.reservation())
                            .query(Timestamp.class).single().toInstant();
                    notifications.sendSms(MobileNumber.of(cipher.decrypt(p.phone())), "result-pickup-reminder",
                            Map.of("number", p.filing(), "hall", hallName(p.cabinet(), p.locale()), "until", displayTime.format(due)), p.locale());
                    log.info("Cabinet {}: reminded the citizen of the result of {}", p.cabinet(), p.filing());
                }));
        tx.executeWithoutResult(status -> jdbc.sql(ROW + " where state = 'READY' and return_due_at <= ? order by return_due_at "
                + "limit 50 for update skip locked")
                .param(Timestamp.from(now)).query(PickupDesk::row).list().forEach(p -> toCounter(p, "NOT_PICKED_UP")));
        tx.executeWithoutResult(status -> jdbc.sql(ROW + " p where state = 'WAITING_PLACE' and exists (select 1 from "
                + "cabinet_reservation r where r.id = p.reservation_id and r.state <> 'ACTIVE') limit 50 for update of p skip locked")
                .query(PickupDesk::row).list().forEach(p -> {
                    jdbc.sql("update cabinet_pickup set state = 'CANCELLED', finished_at = ? where reservation_id = ?")
                            .params(Timestamp.from(now), p.reservation()).update();
                    log.info("Cabinet {}: the compartment held for the result of {} was never filled; released", p.cabinet(), p.filing());
                }));
    }

    /** The result goes back to the counter: its code stops working and the department's collectors take it out. */
    private void toCounter(Row p, String reason) {
        jdbc.sql("update cabinet_pickup set state = 'TO_RETURN', return_reason = ? where reservation_id = ?").params(reason, p.reservation())
                .update();
        jdbc.sql("update cabinet_reservation set state = 'CANCELLED', short_code_sealed = null where id = ? and state in ('ACTIVE', 'USED')")
                .param(p.reservation()).update();
        String compartment = jdbc.sql("select compartment from cabinet_reservation where id = ?").param(p.reservation())
                .query(String.class).single();
        halls.device(p.cabinet()).ifPresent(cabinet -> staff.notify(StaffAudience.collectors(p.department(), cabinet.hall()),
                "result-to-return", Map.of("department", catalog.department(p.department()).map(d -> d.name().zh()).orElse(p.department()),
                        "number", p.filing(), "hall", hallName(p.cabinet(), Locale.SIMPLIFIED_CHINESE), "compartment", compartment)));
        log.warn("Cabinet {}: the result of {} in {} goes back to the counter ({})", p.cabinet(), p.filing(), compartment, reason);
    }

    // ---- rows

    private static final String ROW = """
            select reservation_id, cabinet_code, filing_number, department, locale, phone, id_index, id_last6_hash from cabinet_pickup""";

    record Row(UUID reservation, String cabinet, String filing, String department, Locale locale, String phone, String idIndex,
            String last6Hash) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), Locale.forLanguageTag(rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }

    private Optional<Row> row(UUID reservation) {
        return jdbc.sql(ROW + " where reservation_id = ?").param(reservation).query(PickupDesk::row).optional();
    }

    private String last6Hash(UUID reservation, String lastSix) {
        return cipher.blindIndex("pickup:" + reservation + ":" + lastSix.toUpperCase(Locale.ROOT));
    }

    private String hallName(String cabinetCode, Locale locale) {
        return halls.device(cabinetCode).flatMap(d -> halls.hall(d.hall())).map(h -> h.name().in(locale)).orElse(cabinetCode);
    }
}
