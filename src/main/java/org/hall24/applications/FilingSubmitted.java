package org.hall24.applications;

import java.util.Locale;

/**
 * A filing was submitted. No personal data: the event is stored by the event publication registry.
 * Published in the submitting transaction, so a synchronous listener (the kiosk, which prints the
 * receipt) can record its reaction atomically with the filing.
 *
 * @param number the filing number
 * @param itemCode the item
 * @param deviceCode the kiosk
 * @param locale the applicant's language at the kiosk, for the receipt
 */
public record FilingSubmitted(String number, String itemCode, String deviceCode, Locale locale) {
}
