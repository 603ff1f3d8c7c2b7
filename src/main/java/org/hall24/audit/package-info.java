/**
 * The audit trail: an append-only, hash-chained log of who did what to which record, fed by the
 * other modules' events so that no module has to remember to write it.
 */
@ApplicationModule(allowedDependencies = {"catalog", "applications", "identity", "kiosk", "accounts"})
@NullMarked
package org.hall24.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
