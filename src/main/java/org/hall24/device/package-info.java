/**
 * The hall's devices: their types now; registry, provisioning, the MQTT gateway, telemetry,
 * health and commands as the device layer grows.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.hall24.device;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
