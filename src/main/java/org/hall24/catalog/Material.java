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
}
