package org.hall24.cabinet;

/**
 * The periodic verifier (or an operator's "verify now") found an envelope's custody chain broken:
 * an entry changed, removed or slipped in after it was written. Published on every run that finds
 * it so, for alerting to raise (and keep open) an incident.
 *
 * @param envelope the envelope id ({@code paper:<filing>}, {@code result:<filing>})
 * @param brokenAt the sequence of the first entry that does not hold
 * @param problem what is wrong there, for operators (no personal data)
 */
public record CustodyChainBroken(String envelope, int brokenAt, String problem) {
}
