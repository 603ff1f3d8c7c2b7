package org.hall24.device;

/**
 * What a device can do for a visitor right now. Until a device has reported over the device
 * protocol its status is {@link #UNKNOWN}: the platform never invents a state.
 */
public enum DeviceStatus {
    UNKNOWN, ONLINE, BUSY, OFFLINE, FAULT;

    public String messageKey() {
        return "device.status." + name();
    }
}
