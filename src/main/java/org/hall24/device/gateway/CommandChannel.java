package org.hall24.device.gateway;

/** Sends a command to a device: QoS 1, not retained, on {@code hall24/{hall}/{device}/commands}. */
public interface CommandChannel {

    /**
     * Hands the command to the broker.
     *
     * @throws IllegalStateException when the platform is not connected to the broker
     */
    void publish(String hall, String device, byte[] payload);

    boolean connected();
}
