package org.hall24.cabinet;

/** Where a compartment is. */
public enum CompartmentState {
    /** Empty and not promised to anyone. */
    FREE,
    /** Promised to one deposit or one pickup until its reservation expires. */
    RESERVED,
    /** Holds something: a filing's paper, or a result waiting for its citizen. */
    OCCUPIED,
    /** Cannot be used: jammed, a sensor fault, or taken out by an operator. */
    OUT_OF_ORDER
}
