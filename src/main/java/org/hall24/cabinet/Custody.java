package org.hall24.cabinet;

import java.util.List;

/**
 * The chain of custody (交接记录) of every envelope that passes through the hall: a filing's paper
 * and a filing's result. Each hand-over is one entry of an append-only log, hash-chained per envelope
 * (an entry's hash covers the previous entry's hash and its own fields), so an entry changed, removed
 * or slipped in afterwards breaks the chain and {@link #verify} reports where.
 */
public interface Custody {

    /**
     * Appends a hand-over to its envelope's chain, in the caller's transaction (serialised per envelope,
     * so two nodes appending at once still make one chain).
     */
    CustodyEntry record(CustodyRecord record);

    /** Every entry of every envelope of the filing (its paper, its result), oldest first. */
    List<CustodyEntry> chain(String filingNumber);

    /** Recomputes the chains of the filing's envelopes. */
    ChainCheck verify(String filingNumber);

    /** Recomputes every chain (the verifier's periodic run and the admin page's button). */
    List<ChainCheck> verifyAll();
}
