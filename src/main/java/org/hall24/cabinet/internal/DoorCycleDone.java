package org.hall24.cabinet.internal;

/**
 * A door cycle that placed, handed out or took back a result finished well, published inside the
 * transaction that settled it so that the pickup's own bookkeeping ({@link PickupDesk}) commits with it.
 */
record DoorCycleDone(DoorCycle cycle) {
}
