package org.hall24.device;

import java.util.Optional;

/**
 * Which device a paired browser is the screen of: a kiosk's, or a smart file cabinet's. A browser is
 * paired once by an admin's pairing code (kiosk module, {@code /kiosk/pair}) and then carries the
 * pairing token in the {@link #COOKIE} cookie; modules whose screens are not kiosks (the cabinet's
 * {@code /cabinet}) resolve it through this port without knowing how pairings are kept.
 */
public interface PairedScreens {

    /** The cookie a paired browser carries its token in (HttpOnly, SameSite=Strict, path /). */
    String COOKIE = "HALL24_KIOSK";

    /** The active device whose screen holds this token, if the token is known and not revoked. */
    Optional<RegisteredDevice> deviceOf(String token);
}
