package org.hall24.device.gateway;

/**
 * Receives the device messages the gateway accepted. Called on the MQTT client's thread: must be
 * quick, must not publish and wait for MQTT, and should not throw (the gateway logs and goes on).
 * Every method does nothing by default.
 */
public interface DeviceMessageListener {

    default void status(DeviceTopic topic, Payload.Status status) {
    }

    default void telemetry(DeviceTopic topic, Payload.Telemetry telemetry) {
    }

    default void event(DeviceTopic topic, Payload.Event event) {
    }

    default void reply(DeviceTopic topic, Payload.Reply reply) {
    }
}
