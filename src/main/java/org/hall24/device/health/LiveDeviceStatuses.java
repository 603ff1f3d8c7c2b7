package org.hall24.device.health;

import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.springframework.stereotype.Component;

/**
 * The device statuses as devices report them over MQTT: {@link DeviceStatus#UNKNOWN} until a
 * device's first status or telemetry, never invented.
 */
@Component
class LiveDeviceStatuses implements DeviceStatuses {

    private final DeviceHealth health;

    LiveDeviceStatuses(DeviceHealth health) {
        this.health = health;
    }

    @Override
    public DeviceStatus statusOf(String deviceCode) {
        return health.statusOf(deviceCode);
    }
}
