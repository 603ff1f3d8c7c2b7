package org.hall24.cabinet;

import org.jspecify.annotations.Nullable;

/**
 * A hand-over to record.
 *
 * @param envelope whose
 * @param step what happened
 * @param actor who: {@code citizen:<filing number>}, {@code staff:<username>}, {@code device:<code>}, {@code system}; never a name or an ID number
 * @param cabinetCode where, if at a cabinet
 * @param compartment which compartment, if at a cabinet
 * @param note a short remark without personal data (e.g. "reserved again after B2 jammed")
 */
public record CustodyRecord(Envelope envelope, CustodyStep step, String actor, @Nullable String cabinetCode,
        @Nullable String compartment, @Nullable String note) {
}
