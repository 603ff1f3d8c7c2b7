package org.hall24.cabinet;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of an envelope's custody chain, as stored.
 *
 * @param sequence 1 for the envelope's first entry, then 2, 3 …
 * @param previousHash the previous entry's hash (hex SHA-256); 64 zeros for the first
 * @param hash this entry's hash over {@code previousHash} and its fields
 */
public record CustodyEntry(String envelope, int sequence, CustodyStep step, String actor, @Nullable String cabinetCode,
        @Nullable String compartment, @Nullable String note, Instant at, String previousHash, String hash) {
}
