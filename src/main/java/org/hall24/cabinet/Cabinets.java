package org.hall24.cabinet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cabinets' compartments and their reservations. A reservation takes a free compartment under a
 * row lock ({@code FOR UPDATE SKIP LOCKED}), so two kiosks asking at the same moment never get the
 * same door, and the last compartment goes to exactly one of them. An expired reservation frees its
 * compartment by itself.
 */
public interface Cabinets {

    /** Every compartment of the cabinet, by name. */
    List<Compartment> compartments(String cabinetCode);

    /**
     * Reserves a free compartment.
     *
     * @param subject the filing number
     * @param department the department whose paper or result it is for
     * @param size the smallest size that will do ({@code S}, {@code M}, {@code L}); a larger one is taken if no such is free
     * @param validFor until the reservation expires
     * @return the reservation, or empty when the cabinet has no free compartment of that size or larger
     * @throws java.util.NoSuchElementException if there is no such cabinet
     */
    Optional<Reservation> reserve(String cabinetCode, Reservation.Purpose purpose, String subject, String department, String size,
            Duration validFor);

    /** Ends an active reservation unused; its compartment is free again. */
    boolean cancel(UUID reservation, String by);

    /** Takes a compartment out of use (a jam, a sensor fault, an operator's decision), ending any reservation of it. */
    void outOfOrder(String cabinetCode, String compartment, String reason, String by);

    /** Frees an out-of-order compartment once it was checked and is empty. */
    void backInService(String cabinetCode, String compartment, String by);

    /** How many compartments are free now. */
    int free(String cabinetCode);
}
