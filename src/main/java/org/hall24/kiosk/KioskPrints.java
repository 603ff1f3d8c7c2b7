package org.hall24.kiosk;

import java.util.Locale;
import java.util.Optional;

/**
 * Printing at a kiosk, after the request that asks for it has answered (docs/printing.md, "Printing at
 * a kiosk"). A request is recorded (with its copy number) in the caller's transaction and printed by
 * the kiosk printer's own threads once that transaction commits; the outcome is recorded and published
 * as {@link KioskPrintEnded}. The same request key is the same print: a second tap, or a retry, finds
 * the first request and prints nothing more. A print left by a stopped node is taken up by the next
 * one: one never sent is sent, one that was being sent is failed as {@code INTERRUPTED}.
 * <p>
 * A filing's receipt is printed at its kiosk when it is submitted (a reaction to
 * {@link org.hall24.applications.FilingSubmitted}).
 */
public interface KioskPrints {

    /** The subject of a filing's receipt prints. */
    static String receiptOf(String filingNumber) {
        return "receipt:" + filingNumber;
    }

    /**
     * Asks for a filing's receipt to be printed at a kiosk; it is rendered from the filing when it is
     * printed, in {@code locale}.
     *
     * @param requestKey chosen by the caller for this request (e.g. per rendered reprint button)
     * @return the print of that key: this request's, or the earlier one with the same key
     */
    KioskPrint receipt(String requestKey, String deviceCode, String filingNumber, Locale locale);

    /**
     * Asks for a PDF to be printed at a kiosk. The document is kept sealed (encrypted at rest) until its
     * print ends, then dropped.
     *
     * @param subject what it is, e.g. {@code answer:<id>}; copies count per subject
     * @return the print of that key: this request's, or the earlier one with the same key
     */
    KioskPrint document(String requestKey, String deviceCode, String subject, byte[] pdf);

    /** The latest print of a subject (the highest copy), if it was ever asked for. */
    Optional<KioskPrint> last(String subject);
}
