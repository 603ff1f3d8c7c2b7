package org.hall24.device.gateway;

/**
 * Receives the device messages the gateway accepted. A device's status, telemetry and events
 * come one at a time and in the order they arrived, on that device's lane of the
 * {@link DeviceDispatcher} (a pool thread; other devices' messages run meanwhile on other
 * threads); replies come on the reply lanes. A listener may block and may send a command and wait
 * for its reply: that holds up only this device's later messages, which the broker keeps until
 * they are handled. It should not throw (the gateway logs and goes on). The message is
 * acknowledged to the broker once every listener returned. Every method does nothing by default.
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
