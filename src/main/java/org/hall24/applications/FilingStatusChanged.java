package org.hall24.applications;

/**
 * A filing moved in its lifecycle. No personal data.
 *
 * @param number the filing number
 * @param from the status before
 * @param to the status after
 * @param actor who moved it
 */
public record FilingStatusChanged(String number, FilingStatus from, FilingStatus to, String actor) {
}
