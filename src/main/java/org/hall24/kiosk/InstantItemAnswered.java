package org.hall24.kiosk;

import org.jspecify.annotations.Nullable;

/**
 * A department answered an instant item (即办件) at a kiosk: a read of personal data held by the
 * department, so it is audited. Carries the ID number masked only.
 *
 * @param outcome the answer's outcome ({@code OK}, {@code NO_RECORD}, {@code REFUSED}, {@code UNAVAILABLE})
 * @param reference the department's reference number, when it gave one
 */
public record InstantItemAnswered(String itemCode, String deviceCode, String maskedIdNumber, String outcome,
        @Nullable String reference) {
}
