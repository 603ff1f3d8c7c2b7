package org.hall24.kiosk;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A kiosk print ended: printed, or failed with a code. Published in memory once the print's record is
 * updated (the kiosk's screen is told to show it); carries no personal data.
 */
public record KioskPrintEnded(UUID printId, String deviceCode, String subject, int copy, KioskPrint.State state,
        @Nullable String code) {
}
