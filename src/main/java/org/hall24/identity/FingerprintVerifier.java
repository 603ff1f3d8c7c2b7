package org.hall24.identity;

import org.hall24.shared.ChineseIdNumber;

/**
 * The fingerprint fallback port: compares a captured template with the fingerprint features the
 * card holds. No implementation ships (no certified matcher is available to this project, and a
 * fake one would verify people it cannot); with no bean of this type, captured fingerprints are
 * ignored and the staff-assisted check is the only fallback (docs/adr/0009-kiosk-sessions-in-memory.md).
 */
public interface FingerprintVerifier {

    /** Whether the captured template matches the holder of the ID number. The template is never stored. */
    boolean matches(String deviceCode, byte[] template, ChineseIdNumber holder);
}
