package org.hall24.cabinet;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A compartment of a cabinet.
 *
 * @param name row letter and column number, as the door is labelled ({@code B3})
 * @param size {@code S}, {@code M} or {@code L}
 * @param reservation the reservation holding it, while RESERVED
 * @param occupiedBy what is inside, while OCCUPIED ({@code paper:<filing>}, {@code result:<filing>})
 * @param reason why it is out of order
 */
public record Compartment(String cabinetCode, String name, String size, CompartmentState state, @Nullable UUID reservation,
        @Nullable Instant reservedUntil, @Nullable String occupiedBy, @Nullable String reason, Instant updatedAt) {
}
