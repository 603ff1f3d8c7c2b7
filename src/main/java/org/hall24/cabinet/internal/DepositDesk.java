package org.hall24.cabinet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.hall24.cabinet.CabinetDeposits;
import org.hall24.cabinet.CabinetTokens;
import org.hall24.cabinet.Cabinets;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyRecord;
import org.hall24.cabinet.CustodyStep;
import org.hall24.cabinet.Envelope;
import org.hall24.cabinet.Reservation;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.DeviceType;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.hall24.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kiosk's side of a deposit. A cabinet in fault (a jammed door, a sensor) still takes paper while
 * it has a free compartment in service; offline or never heard from, it issues no token. The deposit
 * token is valid for {@code hall24.cabinet.deposit-valid-for} (24 h) and asks for a compartment of
 * {@code hall24.cabinet.deposit-size} (M) or larger. Its short code is kept encrypted beside its
 * keyed hash so that a reprinted receipt carries the same one.
 */
@Service
class DepositDesk implements CabinetDeposits {

    private static final Logger log = LoggerFactory.getLogger(DepositDesk.class);

    private final Cabinets cabinets;
    private final HmacCabinetTokens tokens;
    private final Custody custody;
    private final DeviceStatuses statuses;
    private final Halls halls;
    private final Catalog catalog;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validFor;
    private final String size;

    DepositDesk(Cabinets cabinets, HmacCabinetTokens tokens, Custody custody, DeviceStatuses statuses, Halls halls, Catalog catalog,
            PersonalDataCipher cipher, JdbcClient jdbc, Clock clock,
            @Value("${hall24.cabinet.deposit-valid-for:24h}") Duration validFor, @Value("${hall24.cabinet.deposit-size:M}") String size) {
        this.cabinets = cabinets;
        this.tokens = tokens;
        this.custody = custody;
        this.statuses = statuses;
        this.halls = halls;
        this.catalog = catalog;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
        this.validFor = validFor;
        this.size = size;
    }

    @Override
    public Availability availability(String hallCode) {
        Optional<String> cabinet = cabinetOf(hallCode);
        if (cabinet.isEmpty()) {
            return new NoCabinet();
        }
        String code = cabinet.get();
        DeviceStatus status = statuses.statusOf(code);
        if (status == DeviceStatus.OFFLINE || status == DeviceStatus.UNKNOWN) {
            return new Offline(code);
        }
        int free = cabinets.free(code);
        if (free == 0) {
            return new Full(code, nextFreeAt(code));
        }
        return new Available(code, free);
    }

    @Override
    @Transactional
    public Offer offer(String hallCode, String filingNumber, String itemCode, String actor) {
        Optional<Ready> existing = tokenOf(filingNumber);
        if (existing.isPresent()) {
            return existing.get();
        }
        Availability availability = availability(hallCode);
        if (availability instanceof Offline offline) {
            log.info("No deposit token for {}: cabinet {} is not online", filingNumber, offline.cabinetCode());
            return offline;
        }
        if (availability instanceof NoCabinet none) {
            return none;
        }
        String cabinet = availability instanceof Full full ? full.cabinetCode() : ((Available) availability).cabinetCode();
        ServiceItem item = catalog.item(itemCode).orElseThrow(() -> new IllegalArgumentException("no item " + itemCode));
        Optional<Reservation> reserved = cabinets.reserve(cabinet, Reservation.Purpose.DEPOSIT, filingNumber, item.department(), size,
                validFor);
        if (reserved.isEmpty()) {
            log.info("No deposit token for {}: cabinet {} is full", filingNumber, cabinet);
            return new Full(cabinet, nextFreeAt(cabinet));
        }
        Reservation r = reserved.get();
        CabinetTokens.Issued issued = tokens.issue(r);
        jdbc.sql("update cabinet_reservation set short_code_sealed = ?, item_code = ? where id = ?")
                .params(cipher.encrypt(issued.shortCode()), item.code(), r.id()).update();
        custody.record(new CustodyRecord(Envelope.paper(filingNumber), CustodyStep.RESERVED, actor, cabinet, r.compartment(), null));
        return new Ready(cabinet, r.compartment(), issued);
    }

    @Override
    public Optional<Ready> tokenOf(String filingNumber) {
        Instant now = clock.instant();
        record Row(UUID id, String cabinet, String compartment, String tokenCompartment, String purpose, String department,
                Instant expires, String sealed) {
        }
        return jdbc.sql("""
                select id, cabinet_code, compartment, coalesce(token_compartment, compartment), purpose, department, expires_at,
                    short_code_sealed
                from cabinet_reservation
                where subject = ? and purpose = 'DEPOSIT' and state = 'ACTIVE' and expires_at > ? and short_code_sealed is not null
                order by created_at desc limit 1""")
                .params(filingNumber, Timestamp.from(now))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .optional()
                .map(row -> {
                    // The QR is signed over the compartment the token was issued for; the door that opens is the reservation's.
                    Reservation signed = new Reservation(row.id(), row.cabinet(), row.tokenCompartment(), Reservation.Purpose.DEPOSIT,
                            filingNumber, row.department(), row.expires());
                    return new Ready(row.cabinet(), row.compartment(), new CabinetTokens.Issued(row.id(), tokens.qrOf(signed),
                            cipher.decrypt(row.sealed()), row.expires()));
                });
    }

    @Override
    public Optional<Deposited> depositOf(String filingNumber) {
        return jdbc.sql("""
                select cabinet_code, compartment, coalesce(occupied_at, finished_at) from cabinet_door_cycle
                where envelope = ? and purpose = 'DEPOSIT' and state = 'DONE'
                order by finished_at desc limit 1""")
                .param(Envelope.paper(filingNumber).id())
                .query((rs, n) -> new Deposited(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private Optional<String> cabinetOf(String hallCode) {
        return halls.hall(hallCode).flatMap(h -> h.devices().stream().filter(d -> d.type() == DeviceType.FILE_CABINET)
                .map(PlacedDevice::code).findFirst());
    }

    private @Nullable Instant nextFreeAt(String cabinet) {
        return jdbc.sql("select expires_at from cabinet_reservation where cabinet_code = ? and state = 'ACTIVE' order by expires_at limit 1")
                .param(cabinet).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }
}
