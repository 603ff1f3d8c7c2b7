package org.hall24.departments;

/**
 * The port to the departments' systems for instant items (即办件): queries, certificate
 * print-outs, appointments, invoice issuing, answered while the citizen stands at the kiosk.
 * <p>
 * The simulated backends ({@code hall24.departments.simulated=true}, the default) answer every
 * instant item of the catalog; a real deployment replaces them with an adapter bean implementing
 * this interface (docs/departments.md).
 */
public interface DepartmentGateway {

    /**
     * Asks the item's department. A backend that is down or does not answer in time gives
     * {@link InstantAnswer.Outcome#UNAVAILABLE}, never an exception.
     *
     * @param request what the citizen asked for, must not be {@literal null}
     * @return the department's answer, never {@literal null}
     * @throws IllegalArgumentException when the item is unknown or not an instant item (a caller's mistake)
     */
    InstantAnswer answer(InstantRequest request);
}
