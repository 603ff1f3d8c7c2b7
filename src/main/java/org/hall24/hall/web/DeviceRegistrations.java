package org.hall24.hall.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.InvalidRegistrationException;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.RegistrationViolation;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.Zone;
import org.springframework.stereotype.Component;

/**
 * Registering a device in a hall, for the admin page and the admin API alike: what the registry
 * checks (code and serial well-formed and free, …) and what only the hall module knows — the hall
 * exists, the zone is one of its zones, the position lies in that zone, and the device is not a
 * file cabinet (whose compartments only a hall file gives). A device registered here is one of
 * its hall's devices at once (see {@link Halls}).
 */
@Component
class DeviceRegistrations {

    /** A violation of one field, as a message key with its arguments; one per field at most. */
    record Violation(String field, String messageKey, Object... args) {

        boolean taken() {
            return messageKey.endsWith("-taken");
        }
    }

    /** A registration refused; nothing was saved. */
    static final class Refused extends RuntimeException {

        private final List<Violation> violations;

        Refused(List<Violation> violations) {
            super("Device registration refused: " + violations.stream().map(Violation::field).toList(), null, false, false);
            this.violations = List.copyOf(violations);
        }

        List<Violation> violations() {
            return violations;
        }
    }

    private final DeviceRegistry registry;
    private final Halls halls;

    DeviceRegistrations(DeviceRegistry registry, Halls halls) {
        this.registry = registry;
        this.halls = halls;
    }

    /** Everything wrong with the registration, the first violation of each field; empty when none. */
    List<Violation> check(RegisterDevice device) {
        Map<String, Violation> violations = new LinkedHashMap<>();
        for (RegistrationViolation v : registry.check(device)) {
            violations.putIfAbsent(v.field(), new Violation(v.field(), v.messageKey()));
        }
        if (device.type() == DeviceType.FILE_CABINET) {
            violations.putIfAbsent("type", new Violation("type", "device.violation.cabinet-in-hall-file"));
        }
        for (Violation v : placement(device, violations)) {
            violations.putIfAbsent(v.field(), v);
        }
        return new ArrayList<>(violations.values());
    }

    /**
     * Registers the device and issues its first credential.
     *
     * @throws Refused naming every violation (also when another request took the code or serial meanwhile)
     */
    IssuedCredential register(RegisterDevice device, String by) {
        List<Violation> violations = check(device);
        if (!violations.isEmpty()) {
            throw new Refused(violations);
        }
        try {
            return registry.register(device, by);
        }
        catch (InvalidRegistrationException e) {
            throw new Refused(e.violations().stream().map(v -> new Violation(v.field(), v.messageKey())).toList());
        }
    }

    /** The hall exists, the zone is one of its zones, and the position lies in that zone. */
    private List<Violation> placement(RegisterDevice device, Map<String, Violation> found) {
        List<Violation> violations = new ArrayList<>();
        if (found.containsKey("hall") || device.hall() == null || device.hall().isEmpty()) {
            return violations;
        }
        Optional<Hall> hall = halls.hall(device.hall());
        if (hall.isEmpty()) {
            violations.add(new Violation("hall", "device.violation.no-such-hall"));
            return violations;
        }
        if (found.containsKey("zone") || device.zone() == null || device.zone().isEmpty()) {
            return violations;
        }
        Optional<Zone> zone = hall.get().zone(device.zone());
        if (zone.isEmpty()) {
            violations.add(new Violation("zone", "device.violation.no-such-zone"));
            return violations;
        }
        Zone z = zone.get();
        if (device.x() < z.x() || device.x() > z.x() + z.width()) {
            violations.add(new Violation("x", "device.violation.outside-zone", z.x(), z.x() + z.width()));
        }
        if (device.y() < z.y() || device.y() > z.y() + z.depth()) {
            violations.add(new Violation("y", "device.violation.outside-zone", z.y(), z.y() + z.depth()));
        }
        return violations;
    }
}
