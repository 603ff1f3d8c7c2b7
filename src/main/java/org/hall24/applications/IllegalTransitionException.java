package org.hall24.applications;

/** A filing was asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends RuntimeException {

    private final FilingStatus from;
    private final FilingStatus to;

    public IllegalTransitionException(String number, FilingStatus from, FilingStatus to, java.util.Set<FilingStatus> allowed) {
        super("filing " + number + " cannot move from " + from + " to " + to + "; allowed: " + allowed);
        this.from = from;
        this.to = to;
    }

    public FilingStatus from() {
        return from;
    }

    public FilingStatus to() {
        return to;
    }
}
