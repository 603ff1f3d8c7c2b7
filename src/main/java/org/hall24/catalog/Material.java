package org.hall24.catalog;

import org.hall24.shared.LocalizedText;

/**
 * A material (申请材料) the applicant must or may provide.
 *
 * @param name what it is
 * @param kind original or copy
 * @param medium paper (deposited in the cabinet or brought) or electronic (scanned, uploaded, read)
 * @param required whether the application is incomplete without it
 */
public record Material(LocalizedText name, Kind kind, Medium medium, boolean required) {

    public enum Kind { ORIGINAL, COPY }

    public enum Medium { PAPER, ELECTRONIC }

    /** The zh name by which the catalog marks the applicant's own resident identity card. */
    public static final String ID_CARD_ZH = "居民身份证";

    /**
     * Whether this material is the applicant's own resident identity card (居民身份证) in electronic
     * form: a kiosk reads it from the card's chip when the applicant identifies, so the read is the
     * material and nothing is scanned. The catalog marks it by the zh name {@value #ID_CARD_ZH} with
     * medium {@link Medium#ELECTRONIC} (docs/catalog.md).
     */
    public boolean readFromIdCard() {
        return medium == Medium.ELECTRONIC && ID_CARD_ZH.equals(name.zh());
    }
}
