package org.hall24.applications;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A filing as lists show it: no personal data beyond the masked name.
 *
 * @param number the filing number
 * @param itemCode the item
 * @param itemVersion the pinned version
 * @param maskedName the applicant's family name and stars
 * @param status where it stands
 * @param deviceCode the kiosk
 * @param submittedAt when it was submitted
 * @param dueDate when it is due
 */
public record FilingSummary(String number, String itemCode, int itemVersion, String maskedName, FilingStatus status,
        String deviceCode, Instant submittedAt, LocalDate dueDate) {
}
