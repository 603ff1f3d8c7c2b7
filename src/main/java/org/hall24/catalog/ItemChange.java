package org.hall24.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A recorded change of an item: the version it produced, who made it, when, and which fields
 * changed ({@code created} for the first version).
 */
public record ItemChange(String code, int version, String source, String actor, Instant at, List<String> changedFields) {
}
