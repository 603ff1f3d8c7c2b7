package org.hall24.hall.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.RegisteredDevice;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.hall24.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The halls read from configuration at start-up (a broken file stops start-up), each with its
 * devices: the hall file's, in the file's order, then the devices registered in the registry for
 * that hall and not in any hall file, by code, placed where their registration says (zone, x, y).
 * A device in a hall file is placed by the file, whatever its registry row says. The registry is
 * read at every call, not cached, so a device registered on one node shows on every node at once.
 * <p>
 * A registered device has no name of its own: it is labelled with its type's name and its code
 * ("公安自助服务设备 JLP-YJP-POL-06"). A revoked credential does not take a device off the floor
 * plan (it stands there, offline), as for the hall file's devices.
 */
@Service
class ConfiguredHalls implements Halls {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredHalls.class);

    private final List<Hall> configured;
    private final Hall defaultHall;
    private final Set<String> configuredDevices;
    private final DeviceRegistry registry;
    private final MessageSource messages;

    ConfiguredHalls(HallProperties properties, DeviceRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
        this.configured = HallFiles.read(properties.location());
        this.defaultHall = properties.defaultHall() == null ? configured.get(0)
                : configured.stream().filter(h -> h.code().equals(properties.defaultHall())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("hall24.halls.default-hall names no configured hall: "
                                + properties.defaultHall()));
        this.configuredDevices = configured.stream().flatMap(h -> h.devices().stream()).map(PlacedDevice::code)
                .collect(Collectors.toUnmodifiableSet());
        configured.forEach(h -> log.info("Hall {} ({}): {} zones, {} devices in its file", h.code(), h.name().zh(),
                h.zones().size(), h.devices().size()));
    }

    /** The halls as their files describe them, without the devices registered later (for provisioning). */
    List<Hall> configured() {
        return configured;
    }

    @Override
    public List<Hall> all() {
        return withRegistered(configured);
    }

    @Override
    public Optional<Hall> hall(String code) {
        return configured.stream().filter(h -> h.code().equals(code)).findFirst().map(h -> withRegistered(List.of(h)).get(0));
    }

    @Override
    public Hall defaultHall() {
        return withRegistered(List.of(defaultHall)).get(0);
    }

    @Override
    public Optional<PlacedDevice> device(String deviceCode) {
        Optional<PlacedDevice> inFile = configured.stream().flatMap(h -> h.devices().stream())
                .filter(d -> d.code().equals(deviceCode)).findFirst();
        if (inFile.isPresent()) {
            return inFile;
        }
        return registry.find(deviceCode)
                .filter(d -> configured.stream().anyMatch(h -> h.code().equals(d.hall())))
                .map(this::placed);
    }

    private List<Hall> withRegistered(List<Hall> halls) {
        Map<String, List<PlacedDevice>> registered = new LinkedHashMap<>();
        for (RegisteredDevice device : registry.inHalls(halls.stream().map(Hall::code).toList())) {
            if (!configuredDevices.contains(device.code())) {
                registered.computeIfAbsent(device.hall(), hall -> new ArrayList<>()).add(placed(device));
            }
        }
        if (registered.isEmpty()) {
            return halls;
        }
        return halls.stream().map(hall -> {
            List<PlacedDevice> more = registered.get(hall.code());
            if (more == null) {
                return hall;
            }
            List<PlacedDevice> devices = new ArrayList<>(hall.devices());
            devices.addAll(more);
            return new Hall(hall.code(), hall.name(), hall.address(), hall.areaSquareMeters(), hall.openSince(),
                    hall.openingHours(), hall.floorPlan(), hall.entrance(), hall.zones(), hall.fixtures(), devices);
        }).toList();
    }

    private PlacedDevice placed(RegisteredDevice device) {
        String key = device.type().messageKey();
        LocalizedText name = new LocalizedText(
                messages.getMessage(key, null, device.type().name(), Locale.SIMPLIFIED_CHINESE) + " " + device.code(),
                messages.getMessage(key, null, device.type().name(), Locale.ENGLISH) + " " + device.code());
        return new PlacedDevice(device.code(), device.hall(), device.type(), name, device.zone(), device.x(), device.y(),
                device.serial(), null);
    }
}
