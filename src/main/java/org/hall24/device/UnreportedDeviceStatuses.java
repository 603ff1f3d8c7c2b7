package org.hall24.device;

import org.springframework.stereotype.Component;

/**
 * The device statuses while no device layer reports: every device is {@link DeviceStatus#UNKNOWN}.
 * The MQTT gateway replaces this with what devices actually report.
 */
@Component
class UnreportedDeviceStatuses implements DeviceStatuses {

    @Override
    public DeviceStatus statusOf(String deviceCode) {
        return DeviceStatus.UNKNOWN;
    }
}
