package org.hall24.applications.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hall24.applications.FilingTransition;
import org.hall24.cabinet.CustodyEntry;
import org.hall24.cabinet.CustodyStep;
import org.jspecify.annotations.Nullable;

/**
 * One line of the citizen's progress timeline on {@code /track}: a status the filing reached, or a
 * hand-over of its paper or result in plain words ({@code track.custody.<STEP>}, with the compartment
 * when there is one). Nothing else of a custody entry reaches the page: no actor (a staff username,
 * a device id), no cabinet code, no hash.
 *
 * @param key the message key
 * @param compartment the compartment to name in the message ({@code key} then takes it as {0}); null for none
 */
record TrackedStep(String key, @Nullable String compartment, Instant at) {

    /** The filing's statuses and hand-overs, newest first (a status before a hand-over at the same instant). */
    static List<TrackedStep> timeline(List<FilingTransition> history, List<CustodyEntry> custody) {
        List<TrackedStep> steps = new ArrayList<>();
        for (FilingTransition t : history) {
            steps.add(new TrackedStep(t.to().messageKey(), null, t.at()));
        }
        for (CustodyEntry e : custody) {
            if (shown(e)) {
                steps.add(of(e));
            }
        }
        steps.sort(Comparator.comparing(TrackedStep::at).reversed());
        return List.copyOf(steps);
    }

    /**
     * Whether the citizen sees the hand-over: all but a result's reservation (staff preparing to place
     * it; the citizen hears of the result when it is in the compartment).
     */
    static boolean shown(CustodyEntry entry) {
        return !(entry.step() == CustodyStep.RESERVED && entry.envelope().startsWith("result:"));
    }

    /** A hand-over in plain words; its compartment named only where the step is at one the citizen uses. */
    static TrackedStep of(CustodyEntry entry) {
        String key = "track.custody." + entry.step().name();
        boolean atCompartment = entry.step() == CustodyStep.RESERVED || entry.step() == CustodyStep.DEPOSITED
                || entry.step() == CustodyStep.RESULT_PLACED;
        String compartment = atCompartment ? entry.compartment() : null;
        return new TrackedStep(compartment == null ? key : key + ".at", compartment, entry.at());
    }
}
