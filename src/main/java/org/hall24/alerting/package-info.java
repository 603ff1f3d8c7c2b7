/**
 * Alerting: tells the hall's duty operator (值班员) about device faults — a door jammed or left
 * open, a printer out of paper, a device offline longer than a while — once per fault, with a
 * quiet period per device and alert so a flapping sensor does not text all night, and again when
 * it clears. Listens to the device module's events; sends through notifications.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "device", "hall", "notifications"})
@NullMarked
package org.hall24.alerting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
