package org.hall24.device.broker;

import org.hall24.device.health.DeviceHealth;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What happens to a publish the embedded broker refused and dropped ({@link PublishGate}): one
 * WARN naming the client (a device's code), the topic, the size and why — never the payload, never
 * a stack trace —, the counter {@code hall24.device.broker.refused} (tag {@code reason}:
 * {@code too-large}, {@code not-allowed}), and the device's health, which raises
 * {@code REFUSED_MESSAGES} for a device that keeps sending them ({@link DeviceHealth#refusedMessage}).
 * Called on the connection's event loop: it never blocks.
 */
@Component
@ConditionalOnProperty(name = "hall24.mqtt.embedded", havingValue = "true", matchIfMissing = true)
class RefusedPublishes implements PublishGate.Refusals {

    private static final Logger log = LoggerFactory.getLogger(RefusedPublishes.class);

    private final @Nullable DeviceHealth health;
    private final Counter tooLarge;
    private final Counter notAllowed;
    private final int limit;

    @Autowired
    RefusedPublishes(ObjectProvider<DeviceHealth> health, ObjectProvider<MeterRegistry> meters) {
        this(health.getIfAvailable(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    RefusedPublishes(@Nullable DeviceHealth health, MeterRegistry meters) {
        this.health = health;
        this.limit = EmbeddedBroker.MAX_MESSAGE_BYTES;
        this.tooLarge = counter(meters, "too-large");
        this.notAllowed = counter(meters, "not-allowed");
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder("hall24.device.broker.refused").tag("reason", reason)
                .description("Publishes the embedded broker refused and dropped (acknowledged at QoS 1)").register(meters);
    }

    @Override
    public void refused(PublishGate.Refusal refusal) {
        String outcome = refusal.acknowledged() ? "acknowledged and dropped" : refusal.qos() == 2 ? "connection closed (QoS 2)" : "dropped";
        if (refusal.reason() == PublishGate.Reason.TOO_LARGE) {
            tooLarge.increment();
            log.warn("MQTT publish from {} refused, {}: topic {}, {} bytes, over the broker's limit of {} bytes",
                    refusal.username(), outcome, refusal.topic(), refusal.bytes(), limit);
        }
        else {
            notAllowed.increment();
            log.warn("MQTT publish from {} refused, {}: topic {} is not its to write ({} bytes)",
                    refusal.username(), outcome, refusal.topic(), refusal.bytes());
        }
        if (health != null) {
            health.refusedMessage(refusal.username());
        }
    }
}
