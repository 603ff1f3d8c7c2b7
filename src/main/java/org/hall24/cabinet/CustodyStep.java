package org.hall24.cabinet;

/** A hand-over of an envelope, in the order an envelope usually meets them. */
public enum CustodyStep {
    /** A compartment was promised to the envelope (the citizen's deposit token was issued, or staff reserved one for a result). */
    RESERVED,
    /** The citizen's paper is in the compartment: the door closed and the item sensor reads occupied. */
    DEPOSITED,
    /** A collector took the paper out of the compartment. */
    COLLECTED,
    /** The department received the paper from its collector. */
    RECEIVED,
    /** Staff placed a result in a compartment for the citizen to pick up. */
    RESULT_PLACED,
    /** The citizen took the result out of the compartment. */
    PICKED_UP,
    /** A result not picked up in time was taken out and went back to the counter. */
    RETURNED_TO_COUNTER;

    /** The message key of the step's name: {@code cabinet.custody.step.<NAME>}. */
    public String messageKey() {
        return "cabinet.custody.step." + name();
    }
}
