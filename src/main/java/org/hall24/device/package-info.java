/**
 * The hall's devices: their types, the MQTT gateway ({@code gateway}), live health and alerts
 * ({@code health}), commands with ack/timeout/retry ({@code commands}) and the admin monitor
 * ({@code web}). API: {@link org.hall24.device.DeviceStatuses}, {@link org.hall24.device.DeviceCommands},
 * and the events it publishes (device went online/offline, alerts, card read, door closed…).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform"})
@NullMarked
package org.hall24.device;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
