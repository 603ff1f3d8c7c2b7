/**
 * The kiosk: the citizen's screens at a self-service terminal, bound to a registered kiosk device by a pairing
 * code, composing identity, catalog, applications and departments into one journey.
 * <p>
 * The audit module records this module's pairing events, so this module must not use audit itself (that
 * would be a cycle).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "device", "catalog", "hall", "identity", "applications", "departments", "notifications", "cabinet"})
@NullMarked
package org.hall24.kiosk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
