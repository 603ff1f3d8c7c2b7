package org.hall24.hall;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;

/**
 * A self-service hall (政务服务中心), as its configuration file describes it, with the devices
 * registered for it since.
 *
 * @param code the hall's stable code, e.g. {@code JLP-YJP}
 * @param name the hall's name
 * @param address where it is
 * @param areaSquareMeters its floor area
 * @param openSince the day it opened to the public
 * @param openingHours when it is open
 * @param floorPlan the outline of the floor, in centimetres
 * @param entrance where visitors come in
 * @param zones the hall's areas
 * @param fixtures furniture drawn on the map so visitors recognise the room (form-filling desks)
 * @param devices every device, placed on the floor plan: the hall file's, in its order, then those
 *        registered in the device registry for this hall, by code
 */
public record Hall(
        String code,
        LocalizedText name,
        LocalizedText address,
        int areaSquareMeters,
        LocalDate openSince,
        OpeningHours openingHours,
        FloorPlan floorPlan,
        Entrance entrance,
        List<Zone> zones,
        List<Fixture> fixtures,
        List<PlacedDevice> devices) {

    public Hall {
        zones = List.copyOf(zones);
        fixtures = List.copyOf(fixtures);
        devices = List.copyOf(devices);
    }

    /** The device types that stand in this hall. */
    public Set<DeviceType> deviceTypes() {
        return devices.stream().map(PlacedDevice::type).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<PlacedDevice> device(String deviceCode) {
        return devices.stream().filter(d -> d.code().equals(deviceCode)).findFirst();
    }

    public Optional<Zone> zone(String zoneCode) {
        return zones.stream().filter(z -> z.code().equals(zoneCode)).findFirst();
    }

    /** The devices of the given types, in the order of the configuration. */
    public List<PlacedDevice> devicesOf(Set<DeviceType> types) {
        return devices.stream().filter(d -> types.contains(d.type())).toList();
    }

    /**
     * The floor's outline: a rectangle of {@code width} by {@code depth} centimetres; the
     * entrance wall is at the bottom of the drawing ({@code y = depth}).
     */
    public record FloorPlan(int width, int depth) {
    }

    /**
     * The entrance: a gap in the front wall from {@code x} to {@code x + width}.
     */
    public record Entrance(int x, int width, LocalizedText name) {
    }

    /**
     * A piece of furniture on the floor plan, a rectangle in centimetres from the top-left corner.
     *
     * @param name what it is, e.g. 填单台 (form-filling desk)
     */
    public record Fixture(LocalizedText name, int x, int y, int width, int depth) {
    }

    /**
     * When the hall is open: always, or on the given weekly schedule.
     *
     * @param alwaysOpen open 24 hours a day, 7 days a week
     * @param weekly the weekly schedule when not always open
     */
    public record OpeningHours(boolean alwaysOpen, List<WeeklyHours> weekly) {

        public OpeningHours {
            weekly = weekly == null ? List.of() : List.copyOf(weekly);
        }
    }

    /** Opening hours on some days of the week, e.g. MONDAY–FRIDAY 09:00–17:00. */
    public record WeeklyHours(List<java.time.DayOfWeek> days, java.time.LocalTime from, java.time.LocalTime to) {
    }
}
