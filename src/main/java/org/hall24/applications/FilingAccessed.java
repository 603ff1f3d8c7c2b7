package org.hall24.applications;

/**
 * Someone read a filing's personal data (decrypted), for the audit trail. No personal data.
 *
 * @param number the filing number
 * @param actor who read it: a staff username, {@code track} for the public progress page, or a system actor
 * @param purpose why, e.g. {@code admin-detail}, {@code track-timeline}, {@code material}
 */
public record FilingAccessed(String number, String actor, String purpose) {
}
