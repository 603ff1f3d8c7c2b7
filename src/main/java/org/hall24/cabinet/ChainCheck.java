package org.hall24.cabinet;

import org.jspecify.annotations.Nullable;

/**
 * What recomputing an envelope's chain found.
 *
 * @param entries how many entries it has
 * @param brokenAt the sequence of the first entry whose hash or link does not match, or a gap; null when the chain holds
 * @param problem what is wrong there, for operators (no personal data)
 */
public record ChainCheck(String envelope, int entries, @Nullable Integer brokenAt, @Nullable String problem) {

    public boolean intact() {
        return brokenAt == null;
    }
}
