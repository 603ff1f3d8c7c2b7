package org.hall24.hall.internal;

import java.util.List;
import java.util.Optional;

import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The halls read from configuration at start-up; a broken file stops start-up.
 */
@Service
class ConfiguredHalls implements Halls {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredHalls.class);

    private final List<Hall> halls;
    private final Hall defaultHall;

    ConfiguredHalls(HallProperties properties) {
        this.halls = HallFiles.read(properties.location());
        this.defaultHall = properties.defaultHall() == null ? halls.get(0)
                : halls.stream().filter(h -> h.code().equals(properties.defaultHall())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("hall24.halls.default-hall names no configured hall: "
                                + properties.defaultHall()));
        halls.forEach(h -> log.info("Hall {} ({}): {} zones, {} devices", h.code(), h.name().zh(), h.zones().size(),
                h.devices().size()));
    }

    @Override
    public List<Hall> all() {
        return halls;
    }

    @Override
    public Optional<Hall> hall(String code) {
        return halls.stream().filter(h -> h.code().equals(code)).findFirst();
    }

    @Override
    public Hall defaultHall() {
        return defaultHall;
    }

    @Override
    public Optional<PlacedDevice> device(String deviceCode) {
        return halls.stream().flatMap(h -> h.devices().stream()).filter(d -> d.code().equals(deviceCode)).findFirst();
    }
}
