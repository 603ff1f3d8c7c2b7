package org.hall24.hall.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.DeviceType;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.hall24.hall.Zone;
import org.hall24.platform.ApiParameters;
import org.hall24.platform.InvalidParameterException;
import org.hall24.platform.NotFoundException;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public, read-only API of the halls and the devices standing in them, each device with the
 * live status the device layer knows ({@link DeviceStatus#UNKNOWN} until it reports). A request
 * with any bad or unknown parameter is refused as a whole, naming each offending parameter.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Halls", description = "The halls, their zones and floor plans, and their devices with live status.")
class ApiHallsController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final Halls halls;
    private final DeviceStatuses statuses;
    private final Catalog catalog;

    ApiHallsController(Halls halls, DeviceStatuses statuses, Catalog catalog) {
        this.halls = halls;
        this.statuses = statuses;
        this.catalog = catalog;
    }

    @GetMapping("/halls")
    @Operation(summary = "Every hall", description = "In configuration order; `/api/v1/halls/{code}` gives a hall's "
            + "zones and devices.")
    List<HallSummary> halls(HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        return halls.all().stream().map(HallSummary::of).toList();
    }

    @GetMapping("/halls/{code}")
    @Operation(summary = "One hall, with its floor plan, zones and devices")
    HallDetails hall(@Parameter(description = "The hall's code, e.g. JLP-YJP.") @PathVariable String code,
            HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        Hall hall = halls.hall(code).orElseThrow(() -> new NotFoundException("No hall has the code '" + code + "'"));
        return new HallDetails(hall.code(), hall.name(), hall.address(), hall.areaSquareMeters(), hall.openSince(),
                hall.openingHours(), hall.floorPlan(), hall.entrance(), hall.zones(),
                hall.devices().stream().map(this::withStatus).toList());
    }

    @GetMapping("/devices")
    @Operation(summary = "The devices, with their live status",
            description = "Every device of every hall, in configuration order, narrowed by the filters given. "
                    + "Any unknown parameter is refused.")
    List<DeviceWithStatus> devices(
            @Parameter(description = "Only the devices of this hall, by its code.")
            @RequestParam(required = false) @Nullable String hall,
            @Parameter(description = "Only the devices of this type.", schema = @Schema(implementation = DeviceType.class))
            @RequestParam(required = false) @Nullable String type,
            HttpServletRequest request) {
        ApiParameters parameters = new ApiParameters(request, List.of("hall", "type"));
        String hallCode = parameters.text("hall", hall);
        List<Hall> inHalls = halls.all();
        if (hallCode != null) {
            inHalls = halls.hall(hallCode).map(List::of).orElse(List.of());
            if (inHalls.isEmpty()) {
                parameters.refuse("hall", "no hall has the code '" + hallCode + "'");
            }
        }
        DeviceType deviceType = parameters.constant("type", type, DeviceType.class);
        parameters.check();
        return inHalls.stream()
                .flatMap(h -> h.devices().stream())
                .filter(d -> deviceType == null || d.type() == deviceType)
                .map(this::withStatus)
                .toList();
    }

    @GetMapping("/devices/{code}")
    @Operation(summary = "One device, with its live status")
    DeviceWithStatus device(@Parameter(description = "The device's code, unique across halls.") @PathVariable String code,
            HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        return withStatus(placed(code));
    }

    @GetMapping("/devices/{code}/items")
    @Operation(summary = "The service items a device can handle",
            description = "Current items that are not retired and that the device's type handles, by code. "
                    + "A smart file cabinet handles none.")
    DeviceItems deviceItems(
            @Parameter(description = "The device's code, unique across halls.") @PathVariable String code,
            @Parameter(description = "Zero-based page number.",
                    schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) @Nullable String page,
            @Parameter(description = "Items per page.",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request) {
        ApiParameters parameters = new ApiParameters(request, List.of("page", "size"));
        int pageNumber = parameters.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = parameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        parameters.check();
        PlacedDevice device = placed(code);
        ItemPage found = catalog.search(
                new ItemQuery(null, null, null, null, Set.of(device.type()), false, pageNumber, pageSize));
        return new DeviceItems(device.code(), device.type(), found.items(), found.page(), found.size(), found.total(),
                found.totalPages());
    }

    private PlacedDevice placed(String code) {
        return halls.device(code).orElseThrow(() -> new NotFoundException("No device has the code '" + code + "'"));
    }

    private DeviceWithStatus withStatus(PlacedDevice d) {
        return new DeviceWithStatus(d.code(), d.hall(), d.type(), d.name(), d.zone(), d.x(), d.y(), d.cabinet(),
                statuses.statusOf(d.code()));
    }

    /** A hall in a list: what it is and where, without its floor plan. */
    record HallSummary(String code, LocalizedText name, LocalizedText address, int areaSquareMeters,
            LocalDate openSince, Hall.OpeningHours openingHours, int deviceCount) {

        static HallSummary of(Hall hall) {
            return new HallSummary(hall.code(), hall.name(), hall.address(), hall.areaSquareMeters(), hall.openSince(),
                    hall.openingHours(), hall.devices().size());
        }
    }

    /** A hall with its floor plan, zones and devices; see {@link Hall}. */
    record HallDetails(String code, LocalizedText name, LocalizedText address, int areaSquareMeters,
            LocalDate openSince, Hall.OpeningHours openingHours, Hall.FloorPlan floorPlan, Hall.Entrance entrance,
            List<Zone> zones, List<DeviceWithStatus> devices) {
    }

    /**
     * A device as it stands in a hall (see {@link PlacedDevice}), with its live status: what a
     * visitor may know. Its serial number, credential and firmware are for staff only (the admin
     * registry, {@code /api/v1/admin/devices}, and the device monitor).
     *
     * @param status what the device last reported; {@code UNKNOWN} if it never did
     */
    record DeviceWithStatus(String code, String hall, DeviceType type, LocalizedText name, String zone, int x, int y,
            PlacedDevice.@Nullable CabinetLayout cabinet, DeviceStatus status) {
    }

    /** One page of the items a device can handle, by code. */
    record DeviceItems(String device, DeviceType deviceType, List<ServiceItem> items, int page, int size, long total,
            int totalPages) {
    }
}
