package org.hall24.cabinet;

import java.time.Instant;
import java.util.UUID;

/**
 * A compartment promised to one deposit or one pickup.
 *
 * @param subject what it is for: the filing number
 * @param department the department whose paper or result it holds: its collectors and staff may open it
 */
public record Reservation(UUID id, String cabinetCode, String compartment, Purpose purpose, String subject,
        String department, Instant expiresAt) {

    public enum Purpose {
        /** A citizen drops a filing's paper. */
        DEPOSIT,
        /** A citizen takes a result. */
        PICKUP
    }
}
