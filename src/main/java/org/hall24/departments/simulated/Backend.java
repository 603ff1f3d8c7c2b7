package org.hall24.departments.simulated;

import java.util.Optional;

import org.hall24.departments.InstantAnswer;

/** One simulated department system; answers the items it knows, leaves the rest to the generic answer. */
interface Backend {

    /** The department codes this backend serves. */
    java.util.Set<String> departments();

    /** The answer, or empty when this backend has nothing specific for the item. */
    Optional<InstantAnswer> answer(Ask ask);
}
