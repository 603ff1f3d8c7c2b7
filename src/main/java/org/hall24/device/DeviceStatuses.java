package org.hall24.device;

/**
 * The live status of the hall's devices, by device code.
 */
public interface DeviceStatuses {

    /** The device's current status; {@link DeviceStatus#UNKNOWN} for a device that never reported. */
    DeviceStatus statusOf(String deviceCode);
}
