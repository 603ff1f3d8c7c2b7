package org.hall24.hall;

import java.util.List;
import java.util.Optional;

/**
 * The halls this installation runs, as configured. A district runs one or a few; a city many.
 * A hall's devices are those of its file and those registered for it in the device registry
 * (placed by their registration), read afresh at every call.
 */
public interface Halls {

    /** Every hall, in configuration order. */
    List<Hall> all();

    Optional<Hall> hall(String code);

    /** The hall a lobby guide opens on when none is named. */
    Hall defaultHall();

    /** A device in any hall. */
    Optional<PlacedDevice> device(String deviceCode);
}
