package org.hall24.applications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step in a filing's history.
 *
 * @param from the status before; {@code null} for the submission itself
 * @param to the status after
 * @param actor who moved it: a staff username, {@code system}, or the kiosk's actor at submission
 * @param reason why, as the actor wrote it (may be empty)
 * @param at when
 */
public record FilingTransition(@Nullable FilingStatus from, FilingStatus to, String actor, String reason, Instant at) {
}
