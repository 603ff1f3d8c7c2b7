package org.hall24.cabinet;

/**
 * A sealed envelope the hall keeps track of: a filing's paper materials going to the department, or a
 * filing's result coming back to the citizen. {@link #id()} names its custody chain.
 */
public record Envelope(Kind kind, String filingNumber) {

    public enum Kind {
        PAPER, RESULT
    }

    public static Envelope paper(String filingNumber) {
        return new Envelope(Kind.PAPER, filingNumber);
    }

    public static Envelope result(String filingNumber) {
        return new Envelope(Kind.RESULT, filingNumber);
    }

    /** {@code paper:<filing>} or {@code result:<filing>}: what a compartment's {@code occupied_by} holds too. */
    public String id() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + filingNumber;
    }

    /** The envelope an id names. */
    public static Envelope parse(String id) {
        int colon = id.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not an envelope id: " + id);
        }
        return new Envelope(Kind.valueOf(id.substring(0, colon).toUpperCase(java.util.Locale.ROOT)), id.substring(colon + 1));
    }
}
