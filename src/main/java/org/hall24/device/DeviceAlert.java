package org.hall24.device;

/**
 * A fault the platform derives from a device's telemetry, events and replies. The UI names come
 * from the message keys {@code device.alert.<NAME>}.
 */
public enum DeviceAlert {
    PAPER_LOW, PAPER_OUT, PERIPHERAL_FAULT, DOOR_LEFT_OPEN, DOOR_SENSOR_FAULT, DOOR_JAMMED;

    /** Whether the device cannot serve while this alert is open (paper low is a warning only). */
    public boolean isFault() {
        return this != PAPER_LOW;
    }

    public String messageKey() {
        return "device.alert." + name();
    }
}
