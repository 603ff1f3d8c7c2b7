package org.hall24.applications;

/**
 * A filing was submitted. No personal data: the event is stored by the event publication registry.
 *
 * @param number the filing number
 * @param itemCode the item
 * @param deviceCode the kiosk
 */
public record FilingSubmitted(String number, String itemCode, String deviceCode) {
}
