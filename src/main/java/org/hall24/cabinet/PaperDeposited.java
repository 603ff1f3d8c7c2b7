package org.hall24.cabinet;

import java.time.Instant;

/**
 * A filing's paper is in the cabinet: the door closed and the item sensor reads occupied. Published
 * in the transaction that records it (custody entry, compartment occupied); carries no personal data.
 */
public record PaperDeposited(String filingNumber, String cabinetCode, String compartment, Instant at) {
}
