package org.hall24.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hall24.Hall24IntegrationTest;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seed cabinet's compartments and their reservations, on a database of this test's own (it
 * fills the cabinet) and a clock it moves.
 */
@Hall24IntegrationTest(properties = {"hall24.embedded-db.data-dir=target/test-pg/cabinet-${random.uuid}", "hall24.cabinet.expiry-check=100ms"})
@Import(MutableClock.Configuration.class)
class CabinetReservationsTest {

    static final String CABINET = "JLP-YJP-CAB-01";

    @Autowired
    Cabinets cabinets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void emptyTheCabinet() {
        jdbc.sql("update cabinet_reservation set state = 'CANCELLED' where state = 'ACTIVE'").update();
        jdbc.sql("update cabinet_compartment set state = 'FREE', reservation_id = null, reserved_until = null, reason = null, size = 'M'").update();
    }

    @Test
    void theHallFilesCabinetHasItsTwentyFourCompartmentsNamedByRowAndColumnAllFree() {
        List<Compartment> compartments = cabinets.compartments(CABINET);
        assertThat(compartments).hasSize(24).allMatch(c -> c.state() == CompartmentState.FREE);
        assertThat(compartments).extracting(Compartment::name).startsWith("A1", "A2", "A3", "A4", "B1").endsWith("F4");
        assertThat(cabinets.free(CABINET)).isEqualTo(24);
    }

    @Test
    void aReservationTakesTheFirstFreeCompartmentOfTheSizeAndHoldsIt() {
        Reservation first = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "JLP-1", "JLPGJJ", "M", Duration.ofHours(24)).orElseThrow();
        Reservation second = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "JLP-2", "JLPGJJ", "M", Duration.ofHours(24)).orElseThrow();

        assertThat(first.compartment()).isEqualTo("A1");
        assertThat(second.compartment()).isEqualTo("A2");
        assertThat(cabinets.compartments(CABINET).get(0)).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CompartmentState.RESERVED);
            assertThat(c.reservation()).isEqualTo(first.id());
        });
        assertThat(cabinets.free(CABINET)).isEqualTo(22);
    }

    @Test
    void aLargeOnlyFitsALargeCompartmentAndASmallTakesTheSmallestFree() {
        jdbc.sql("update cabinet_compartment set size = 'L' where cabinet_code = ? and name in ('F3', 'F4')").param(CABINET).update();
        jdbc.sql("update cabinet_compartment set size = 'S' where cabinet_code = ? and name = 'C2'").param(CABINET).update();

        assertThat(cabinets.reserve(CABINET, Reservation.Purpose.PICKUP, "JLP-L", "JLPGJJ", "L", Duration.ofHours(1)).orElseThrow().compartment())
                .isEqualTo("F3");
        assertThat(cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "JLP-S", "JLPGJJ", "S", Duration.ofHours(1)).orElseThrow().compartment())
                .isEqualTo("C2");
        assertThat(cabinets.reserve(CABINET, Reservation.Purpose.PICKUP, "JLP-L2", "JLPGJJ", "L", Duration.ofHours(1)).orElseThrow().compartment())
                .isEqualTo("F4");
        assertThat(cabinets.reserve(CABINET, Reservation.Purpose.PICKUP, "JLP-L3", "JLPGJJ", "L", Duration.ofHours(1))).as("no large one left").isEmpty();
    }

    @Test
    void twoKiosksRacingForTheLastCompartmentGetDifferentOutcomesNeverTheSameDoor() throws Exception {
        jdbc.sql("update cabinet_compartment set state = 'OUT_OF_ORDER', reason = 'test' where cabinet_code = ? and name <> 'D3'").param(CABINET)
                .update();
        for (int round = 0; round < 10; round++) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService kiosks = Executors.newFixedThreadPool(2);
            List<Future<Optional<Reservation>>> outcomes = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                String subject = "JLP-RACE-" + round + "-" + k;
                Callable<Optional<Reservation>> ask = () -> {
                    start.await();
                    return cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, subject, "JLPGJJ", "M", Duration.ofHours(24));
                };
                outcomes.add(kiosks.submit(ask));
            }
            start.countDown();
            List<Optional<Reservation>> results = new ArrayList<>();
            for (Future<Optional<Reservation>> f : outcomes) {
                results.add(f.get());
            }
            kiosks.shutdown();
            assertThat(results).as("round %d: one got D3, the other nothing", round).filteredOn(Optional::isPresent).hasSize(1)
                    .allSatisfy(r -> assertThat(r.orElseThrow().compartment()).isEqualTo("D3"));
            assertThat(jdbc.sql("select count(*) from cabinet_reservation where state = 'ACTIVE' and compartment = 'D3'")
                    .query(Integer.class).single()).isEqualTo(1);
            cabinets.cancel(results.stream().flatMap(Optional::stream).findFirst().orElseThrow().id(), "test");
        }
    }

    @Test
    void anExpiredReservationFreesItsCompartmentByItself() {
        Reservation r = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "JLP-EXP", "JLPGJJ", "M", Duration.ofMinutes(30)).orElseThrow();
        clock.advance(Duration.ofMinutes(31));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> cabinets.compartments(CABINET).stream()
                .filter(c -> c.name().equals(r.compartment())).findFirst().orElseThrow().state() == CompartmentState.FREE);
        assertThat(jdbc.sql("select state from cabinet_reservation where id = ?").param(r.id()).query(String.class).single())
                .isEqualTo("EXPIRED");
    }

    @Test
    void anOutOfOrderCompartmentIsNeverReservedAndEndsItsReservation() {
        Reservation r = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "JLP-OOO", "JLPGJJ", "M", Duration.ofHours(1)).orElseThrow();
        cabinets.outOfOrder(CABINET, r.compartment(), "DOOR_JAMMED", "test");

        assertThat(jdbc.sql("select state from cabinet_reservation where id = ?").param(r.id()).query(String.class).single())
                .isEqualTo("CANCELLED");
        Reservation next = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "JLP-OOO2", "JLPGJJ", "M", Duration.ofHours(1)).orElseThrow();
        assertThat(next.compartment()).isNotEqualTo(r.compartment());

        cabinets.backInService(CABINET, r.compartment(), "test");
        assertThat(cabinets.compartments(CABINET)).filteredOn(c -> c.name().equals(r.compartment())).singleElement()
                .extracting(Compartment::state).isEqualTo(CompartmentState.FREE);
    }

    @Test
    void badRequestsAreRefusedClearly() {
        assertThatThrownBy(() -> cabinets.reserve("NO-SUCH-CAB", Reservation.Purpose.DEPOSIT, "x", "JLPGJJ", "M", Duration.ofHours(1)))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("NO-SUCH-CAB");
        assertThatThrownBy(() -> cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "x", "JLPGJJ", "XL", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S, M or L");
        assertThatThrownBy(() -> cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "x", "JLPGJJ", "M", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
