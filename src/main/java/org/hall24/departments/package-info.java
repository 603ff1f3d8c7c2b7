/**
 * Instant items (即办件) answered by the departments' own systems: the {@link org.hall24.departments.DepartmentGateway}
 * port, the answer model, its print-out, and simulated department backends for the demo and tests.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "catalog"})
@NullMarked
package org.hall24.departments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
