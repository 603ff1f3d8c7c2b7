package org.hall24.device;

import java.time.Instant;
import java.util.List;

/**
 * A smart file cabinet's periodic telemetry: each compartment's door and item sensor as they read at
 * {@code at}. Not an event of its own on the wire (door and sensor changes are), but what lets the
 * platform catch up on changes it missed, e.g. while it restarted.
 *
 * @param at the device's timestamp of the reading
 */
public record CabinetCompartmentsReported(String deviceCode, Instant at, List<Reading> compartments) {

    public CabinetCompartmentsReported {
        compartments = List.copyOf(compartments);
    }

    /** One compartment as read. */
    public record Reading(String compartment, boolean doorOpen, boolean occupied) {
    }
}
