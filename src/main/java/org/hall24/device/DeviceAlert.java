package org.hall24.device;

/**
 * A fault the platform derives from a device's telemetry, events and replies. The UI names come
 * from the message keys {@code device.alert.<NAME>}.
 */
public enum DeviceAlert {
    PAPER_LOW, PAPER_OUT, PERIPHERAL_FAULT, DOOR_LEFT_OPEN, DOOR_SENSOR_FAULT, DOOR_JAMMED,
    /**
     * The device keeps sending messages the broker refuses and drops (too large, or on a topic
     * that is not its own): {@code hall24.devices.refused-messages.alert-after} of them within
     * {@code .window}; cleared once a window passes without one. Its agent is misconfigured or
     * out of date; what it sent is lost.
     */
    REFUSED_MESSAGES;

    /** Whether the device cannot serve while this alert is open (paper low and refused messages are warnings only). */
    public boolean isFault() {
        return this != PAPER_LOW && this != REFUSED_MESSAGES;
    }

    public String messageKey() {
        return "device.alert." + name();
    }
}
