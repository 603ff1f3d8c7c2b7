/**
 * The hall simulator: plays every device of a hall over MQTT with the devices' own credentials,
 * answering commands, producing events on demand and faults on cue, in-process or standalone.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.hall24.simulator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
