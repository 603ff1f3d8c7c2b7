package org.hall24.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param sequence its position in the chain, from 1
 * @param at when it happened
 * @param actor who did it (a staff username, a device code, or a system actor such as {@code catalog-file})
 * @param action what was done, e.g. {@code catalog.item.published}
 * @param subject what it was done to, e.g. {@code item:WJ-0001@3}
 * @param detail what changed; never personal data in clear
 * @param hash SHA-256 over the previous entry's hash and this entry's fields, hex
 */
public record AuditEntry(long sequence, Instant at, String actor, String action, String subject, String detail,
        String hash) {
}
