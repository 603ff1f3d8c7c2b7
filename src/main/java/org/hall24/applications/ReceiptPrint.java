package org.hall24.applications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to print a filing's receipt on a kiosk printer.
 *
 * @param copy 1 for the first print, one more for each reprint
 * @param printed whether the printer confirmed it
 * @param code the printer's error code ({@code PAPER_OUT}…) or why it was not sent ({@code OFFLINE},
 *             {@code TIMED_OUT}); {@literal null} when printed
 * @param message a reason a person can read, when not printed
 */
public record ReceiptPrint(UUID id, String number, String deviceCode, int copy, boolean printed, @Nullable String code,
        @Nullable String message, Instant at) {
}
