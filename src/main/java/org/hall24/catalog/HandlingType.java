package org.hall24.catalog;

/** How an item is handled: at once, or within a promised number of working days. */
public enum HandlingType {
    /** 即办件: decided on the spot (queries, print-outs, simple certificates). */
    INSTANT,
    /** 承诺件: decided within the promised time limit. */
    PROMISED
}
