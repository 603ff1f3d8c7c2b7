package org.hall24.cabinet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hall24.Hall24IntegrationTest;
import org.hall24.cabinet.CabinetTokens;
import org.hall24.cabinet.Cabinets;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyEntry;
import org.hall24.cabinet.CustodyStep;
import org.hall24.cabinet.Reservation;
import org.hall24.cabinet.internal.DoorCycle.Purpose;
import org.hall24.cabinet.internal.DoorCycle.State;
import org.hall24.device.CabinetCompartmentsReported;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform that restarted while a door was open missed the door's close and its item sensor: the
 * cabinet's telemetry, which reports every compartment's door and sensor, settles the cycle as the
 * events would have. A reply to {@code open-compartment} that never came is caught up the same way.
 * No broker here: the cabinet is never online, the telemetry is published as the gateway would.
 */
@Hall24IntegrationTest
class CabinetRestartRecoveryTest {

    static final String CABINET = "JLP-YJP-CAB-01";

    @Autowired
    Cabinets cabinets;
    @Autowired
    CabinetTokens tokens;
    @Autowired
    DoorCycles doors;
    @Autowired
    Custody custody;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    String filing(String suffix) {
        return "JLP-YJP-20261205-SW-9" + String.format("%05d", System.nanoTime() % 100_000) + "-" + suffix;
    }

    DoorCycle openDeposit(String filing, boolean replied) {
        Reservation r = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, filing, "SW", "M", Duration.ofHours(1)).orElseThrow();
        CabinetTokens.Issued issued = tokens.issue(r);
        assertThat(tokens.redeem(CABINET, issued.shortCode(), "test")).isInstanceOf(CabinetTokens.Opened.class);
        DoorCycle cycle = doors.start(CABINET, r.compartment(), Purpose.DEPOSIT, r.id(), "paper:" + filing, "citizen:" + filing);
        Instant started = Instant.now().minusSeconds(60);
        jdbc.sql("update cabinet_door_cycle set started_at = ?, state = ?, opened_at = ? where id = ?")
                .params(Timestamp.from(started), replied ? "OPEN" : "OPENING", replied ? Timestamp.from(started.plusSeconds(1)) : null,
                        cycle.id()).update();
        return doors.find(cycle.id()).orElseThrow();
    }

    void report(String compartment, Instant at, boolean doorOpen, boolean occupied) {
        events.publishEvent(new CabinetCompartmentsReported(CABINET, at,
                List.of(new CabinetCompartmentsReported.Reading(compartment, doorOpen, occupied))));
    }

    @Test
    void aCloseAndASensorMissedDuringARestartAreCaughtUpFromTheTelemetry() {
        String filing = filing("R");
        DoorCycle cycle = openDeposit(filing, true);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        report(cycle.compartment(), now, false, true);
        DoorCycle closed = doors.find(cycle.id()).orElseThrow();
        assertThat(closed.closedAt()).as("closed as of the report").isEqualTo(now);
        assertThat(closed.state()).as("the sensor is not trusted at the moment of the close").isEqualTo(State.OPEN);

        report(cycle.compartment(), now.plusSeconds(1), false, true);
        assertThat(doors.find(cycle.id()).orElseThrow().state()).as("too soon after the close").isEqualTo(State.OPEN);

        report(cycle.compartment(), now.plusSeconds(10), false, true);
        assertThat(doors.find(cycle.id()).orElseThrow().state()).isEqualTo(State.DONE);
        assertThat(jdbc.sql("select state from cabinet_compartment where cabinet_code = ? and name = ?").params(CABINET, cycle.compartment())
                .query(String.class).single()).isEqualTo("OCCUPIED");
        assertThat(custody.chain(filing)).extracting(CustodyEntry::step).containsExactly(CustodyStep.DEPOSITED);
    }

    @Test
    void aDoorReportedOpenWhoseCommandReplyWasLostIsOpenAndAnOldReportChangesNothing() {
        String filing = filing("S");
        DoorCycle cycle = openDeposit(filing, false);

        report(cycle.compartment(), cycle.startedAt().minusSeconds(5), false, false);
        assertThat(doors.find(cycle.id()).orElseThrow().state()).as("a report from before the cycle").isEqualTo(State.OPENING);

        report(cycle.compartment(), Instant.now(), true, false);
        DoorCycle open = doors.find(cycle.id()).orElseThrow();
        assertThat(open.state()).isEqualTo(State.OPEN);
        assertThat(open.openedAt()).isNotNull();

        Instant closedAt = Instant.now().plusSeconds(1);
        report(cycle.compartment(), closedAt, false, false);
        report(cycle.compartment(), closedAt.plusSeconds(5), false, false);
        assertThat(doors.find(cycle.id()).orElseThrow().state()).as("closed on an empty compartment: not a deposit").isEqualTo(State.EMPTY);
        assertThat(custody.chain(filing)).isEmpty();
    }
}
