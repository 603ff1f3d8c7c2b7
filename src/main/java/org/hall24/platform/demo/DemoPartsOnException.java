package org.hall24.platform.demo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Start-up refused: {@code hall24.demo=false}, but demo parts are on. The message names
 * {@code hall24.demo} and each part's property; {@link DemoPartsOnFailureAnalyzer} prints it
 * with what to do instead.
 */
public class DemoPartsOnException extends IllegalStateException {

    private final List<DemoPart> parts;

    DemoPartsOnException(List<DemoPart> parts) {
        super(DemoMode.PROPERTY + "=false, but " + (parts.size() == 1 ? "this demo part is" : "these demo parts are") + " on: "
                + parts.stream().map(p -> p.name() + " (" + p.property() + ")").collect(Collectors.joining(", "))
                + ". Turn each off, or set " + DemoMode.PROPERTY + "=true for a demo.");
        this.parts = List.copyOf(parts);
    }

    /** The parts that are on, in declaration order. */
    public List<DemoPart> parts() {
        return parts;
    }
}
