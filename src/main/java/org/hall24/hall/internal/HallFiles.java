package org.hall24.hall.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hall24.device.DeviceType;
import org.hall24.hall.Hall;
import org.hall24.hall.PlacedDevice;
import org.hall24.hall.Zone;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the halls' configuration files ({@code <location>/*.yaml}, one hall each) strictly: an
 * unknown key, a missing field, a device outside its zone or a duplicate code stops start-up with
 * the file, the hall or device and the field named.
 */
final class HallFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private HallFiles() {
    }

    /** Reads the halls of one folder, or of several separated by commas (folder by folder, each by file name). */
    static List<Hall> read(String location) {
        try {
            List<Hall> halls = new ArrayList<>();
            Set<String> hallCodes = new HashSet<>();
            Set<String> deviceCodes = new HashSet<>();
            for (String folder : location.split(",")) {
                read(folder.strip(), halls, hallCodes, deviceCodes);
            }
            if (halls.isEmpty()) {
                throw new HallFileException(location, null, null, "no hall configured (*.yaml)");
            }
            return halls;
        }
        catch (IOException e) {
            throw new HallFileException(location, null, null, "cannot read: " + e.getMessage());
        }
    }

    private static void read(String location, List<Hall> halls, Set<String> hallCodes, Set<String> deviceCodes)
            throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(location + "/*.yaml");
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        for (Resource file : files) {
            String name = location + "/" + file.getFilename();
            Hall hall = read(name, file);
            if (!hallCodes.add(hall.code())) {
                throw new HallFileException(name, "hall " + hall.code(), "code", "another file defines this hall");
            }
            for (PlacedDevice device : hall.devices()) {
                if (!deviceCodes.add(device.code())) {
                    throw new HallFileException(name, "device " + device.code(), "code", "device code used twice");
                }
            }
            halls.add(hall);
        }
    }

    private static Hall read(String name, Resource file) throws IOException {
        HallYaml yaml;
        try (InputStream in = file.getInputStream()) {
            yaml = YAML.readValue(in, HallYaml.class);
        }
        catch (JacksonException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce("", String::concat);
            String message = e.getOriginalMessage();
            throw new HallFileException(name, null, path.startsWith(".") ? path.substring(1) : path,
                    message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message);
        }
        return yaml.toHall(name);
    }

    record HallYaml(String code, LocalizedText name, LocalizedText address, Integer areaSquareMeters, LocalDate openSince,
            Hall.OpeningHours openingHours, Hall.FloorPlan floorPlan, Hall.Entrance entrance, List<ZoneYaml> zones,
            @Nullable List<Hall.Fixture> fixtures, List<DeviceYaml> devices) {

        Hall toHall(String file) {
            String c = required(file, null, "code", code);
            String at = "hall " + c;
            text(file, at, "name", name);
            text(file, at, "address", address);
            if (required(file, at, "areaSquareMeters", areaSquareMeters) <= 0) {
                throw new HallFileException(file, at, "areaSquareMeters", "must be positive");
            }
            required(file, at, "openSince", openSince);
            Hall.OpeningHours hours = required(file, at, "openingHours", openingHours);
            if (!hours.alwaysOpen() && hours.weekly().isEmpty()) {
                throw new HallFileException(file, at, "openingHours", "give alwaysOpen: true or a weekly schedule");
            }
            Hall.FloorPlan plan = required(file, at, "floorPlan", floorPlan);
            if (plan.width() <= 0 || plan.depth() <= 0) {
                throw new HallFileException(file, at, "floorPlan", "width and depth must be positive");
            }
            Hall.Entrance door = required(file, at, "entrance", entrance);
            if (door.x() < 0 || door.width() <= 0 || door.x() + door.width() > plan.width()) {
                throw new HallFileException(file, at, "entrance", "must lie within the front wall");
            }
            List<Zone> zoneList = new ArrayList<>();
            for (int i = 0; i < required(file, at, "zones", zones).size(); i++) {
                ZoneYaml z = zones.get(i);
                String f = "zones[" + i + "]";
                String zc = required(file, at, f + ".code", z.code());
                text(file, "zone " + zc, "name", z.name());
                Zone zone = new Zone(zc, required(file, "zone " + zc, "kind", z.kind()), z.name(), z.x(), z.y(), z.width(), z.depth());
                if (zone.x() < 0 || zone.y() < 0 || zone.width() <= 0 || zone.depth() <= 0
                        || zone.x() + zone.width() > plan.width() || zone.y() + zone.depth() > plan.depth()) {
                    throw new HallFileException(file, "zone " + zc, "x/y/width/depth", "must lie within the floor plan");
                }
                if (zoneList.stream().anyMatch(other -> other.code().equals(zc))) {
                    throw new HallFileException(file, "zone " + zc, "code", "zone code used twice");
                }
                zoneList.add(zone);
            }
            List<PlacedDevice> deviceList = new ArrayList<>();
            for (int i = 0; i < required(file, at, "devices", devices).size(); i++) {
                DeviceYaml d = devices.get(i);
                String dc = required(file, at, "devices[" + i + "].code", d.code());
                String dat = "device " + dc;
                DeviceType type = required(file, dat, "type", d.type());
                text(file, dat, "name", d.name());
                String zc = required(file, dat, "zone", d.zone());
                Zone zone = zoneList.stream().filter(z -> z.code().equals(zc)).findFirst()
                        .orElseThrow(() -> new HallFileException(file, dat, "zone", "no zone " + zc + " in this hall"));
                if (d.x() < zone.x() || d.x() > zone.x() + zone.width() || d.y() < zone.y() || d.y() > zone.y() + zone.depth()) {
                    throw new HallFileException(file, dat, "x/y", "must lie within zone " + zc);
                }
                if ((type == DeviceType.FILE_CABINET) != (d.cabinet() != null)) {
                    throw new HallFileException(file, dat, "cabinet",
                            type == DeviceType.FILE_CABINET ? "a file cabinet needs its compartments (rows, columns)"
                                    : "only a file cabinet has compartments");
                }
                if (d.cabinet() != null && (d.cabinet().rows() < 1 || d.cabinet().rows() > 26 || d.cabinet().columns() < 1)) {
                    throw new HallFileException(file, dat, "cabinet", "rows must be 1 to 26 and columns at least 1");
                }
                deviceList.add(new PlacedDevice(dc, c, type, d.name(), zc, d.x(), d.y(),
                        required(file, dat, "serial", d.serial()), d.cabinet()));
            }
            List<Hall.Fixture> fixtureList = fixtures == null ? List.of() : fixtures;
            for (int i = 0; i < fixtureList.size(); i++) {
                Hall.Fixture f = fixtureList.get(i);
                text(file, at, "fixtures[" + i + "].name", f.name());
                if (f.x() < 0 || f.y() < 0 || f.width() <= 0 || f.depth() <= 0
                        || f.x() + f.width() > plan.width() || f.y() + f.depth() > plan.depth()) {
                    throw new HallFileException(file, at, "fixtures[" + i + "]", "must lie within the floor plan");
                }
            }
            return new Hall(c, name, address, areaSquareMeters, openSince, hours, plan, door, zoneList, fixtureList,
                    deviceList);
        }
    }

    record ZoneYaml(String code, Zone.Kind kind, LocalizedText name, int x, int y, int width, int depth) {
    }

    record DeviceYaml(String code, DeviceType type, LocalizedText name, String zone, int x, int y, String serial,
            PlacedDevice.@Nullable CabinetLayout cabinet) {
    }

    private static <T> T required(String file, @Nullable String at, String field, @Nullable T value) {
        if (value == null) {
            throw new HallFileException(file, at, field, "is required");
        }
        return value;
    }

    private static void text(String file, String at, String field, @Nullable LocalizedText text) {
        if (text == null || text.zh() == null || text.zh().isBlank() || text.en() == null || text.en().isBlank()) {
            throw new HallFileException(file, at, field, "needs zh and en");
        }
    }
}
