package org.hall24.device.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.RegisteredDevice;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/**
 * Who may connect to the embedded broker, and which topics each may use — the access control of
 * {@code docs/device-protocol.md}:
 * <ul>
 * <li>the platform's own client (its username and password, any client id) reads everything
 * under {@code hall24/} and writes only {@code hall24/+/+/commands};</li>
 * <li>a registered device with an active credential, connecting with its code as both username
 * and client id, writes only its own {@code hall24/{hall}/{code}/status}, {@code telemetry},
 * {@code events/{type}} and {@code replies}, and reads only its own {@code commands}.</li>
 * </ul>
 * Refusals are logged with the device code and the reason, never the password. A publish refused
 * here never reaches Moquette: {@link PublishGate} acknowledges and drops it first.
 */
class DeviceBrokerSecurity implements IAuthenticator, IAuthorizatorPolicy {

    private static final Logger log = LoggerFactory.getLogger(DeviceBrokerSecurity.class);

    static final String ROOT = "hall24";
    private static final Set<String> DEVICE_WRITES = Set.of("status", "telemetry", "replies");

    private final DeviceRegistry registry;
    private final PlatformMqttCredentials platform;
    /** A device's hall by its code; a device never changes hall, so entries never go stale. */
    private final Map<String, String> hallOfDevice = new ConcurrentHashMap<>();

    DeviceBrokerSecurity(DeviceRegistry registry, PlatformMqttCredentials platform) {
        this.registry = registry;
        this.platform = platform;
    }

    @Override
    public boolean checkValid(@Nullable String clientId, @Nullable String username, byte @Nullable [] password) {
        if (username == null || password == null) {
            log.warn("MQTT connection refused: no username or password (client id {})", clientId);
            return false;
        }
        if (platform.username().equals(username)) {
            boolean valid = MessageDigest.isEqual(platform.password().getBytes(StandardCharsets.UTF_8), password);
            if (!valid) {
                log.warn("MQTT connection refused for the platform user {}: wrong password", username);
            }
            return valid;
        }
        if (!username.equals(clientId)) {
            log.warn("MQTT connection refused for device {}: client id {} differs from the username", username, clientId);
            return false;
        }
        Optional<RegisteredDevice> device = registry.find(username);
        if (device.isEmpty()) {
            log.warn("MQTT connection refused for {}: no such device", username);
            return false;
        }
        if (!device.get().active()) {
            log.warn("MQTT connection refused for device {}: credential revoked", username);
            return false;
        }
        if (!registry.verify(username, password)) {
            log.warn("MQTT connection refused for device {}: wrong password", username);
            return false;
        }
        hallOfDevice.put(username, device.get().hall());
        return true;
    }

    @Override
    public boolean canWrite(Topic topic, @Nullable String user, @Nullable String client) {
        boolean allowed = mayWrite(topic.toString(), user);
        if (!allowed) {
            log.warn("MQTT publish refused for {}: topic {} is not its to write", user, topic);
        }
        return allowed;
    }

    /** Whether {@code user} may publish on {@code topic}; logs nothing (for {@link PublishGate}, which logs its refusals). */
    boolean mayWrite(String topic, @Nullable String user) {
        List<String> levels = List.of(topic.split("/", -1));
        if (platform.username().equals(user)) {
            return levels.size() == 4 && levels.get(0).equals(ROOT) && levels.get(3).equals("commands");
        }
        return ownTopic(levels, user)
                && (levels.size() == 4 && DEVICE_WRITES.contains(levels.get(3))
                        || levels.size() == 5 && levels.get(3).equals("events") && !levels.get(4).isEmpty());
    }

    @Override
    public boolean canRead(Topic topic, @Nullable String user, @Nullable String client) {
        List<String> levels = levels(topic);
        boolean allowed;
        if (platform.username().equals(user)) {
            allowed = !levels.isEmpty() && levels.get(0).equals(ROOT);
        }
        else {
            allowed = ownTopic(levels, user) && levels.size() == 4 && levels.get(3).equals("commands");
        }
        if (!allowed) {
            log.warn("MQTT subscription refused for {}: topic {} is not its to read", user, topic);
        }
        return allowed;
    }

    /** Whether the topic starts {@code hall24/{the device's hall}/{the device's code}/}, without wildcards. */
    private boolean ownTopic(List<String> levels, @Nullable String user) {
        if (user == null || levels.size() < 4 || !levels.get(0).equals(ROOT) || !levels.get(2).equals(user)) {
            return false;
        }
        String hall = hallOfDevice.computeIfAbsent(user, code -> registry.find(code).map(RegisteredDevice::hall).orElse(""));
        return levels.get(1).equals(hall) && levels.stream().noneMatch(l -> l.equals("+") || l.equals("#"));
    }

    private static List<String> levels(Topic topic) {
        return List.of(topic.toString().split("/", -1));
    }
}
