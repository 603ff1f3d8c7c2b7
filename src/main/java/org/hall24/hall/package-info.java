/**
 * Halls: address, opening hours, zones, the floor plan and where each device stands on it; the
 * lobby guide that answers "where can I do X?" with the devices' live status.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "catalog", "device"})
@NullMarked
package org.hall24.hall;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
