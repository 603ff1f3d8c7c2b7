package org.hall24.simulator;

/** The ways a simulated device can break the payload rules, for testing that the platform rejects and goes on. */
public enum MalformedKind {

    /** Bytes that are not JSON at all. */
    NOT_JSON,
    /** Valid JSON larger than the topic's limit (telemetry: 16 KiB). */
    OVERSIZED,
    /** A schema version the platform does not know ({@code "v": 99}). */
    UNKNOWN_VERSION,
    /** A payload without its required {@code ts}. */
    MISSING_FIELD
}
