package org.hall24.device.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hall24.device.CommandOutcome;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceStatus;
import org.hall24.device.commands.CommandLog;
import org.hall24.device.health.DeviceHealth;
import org.hall24.device.health.DeviceSnapshot;
import org.hall24.device.health.HealthHistory;
import org.hall24.platform.DisplayTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The device monitor (设备监控): every device the platform has heard from, with its status,
 * peripherals, last contact and open alerts, kept live by server-sent events; and each device's
 * history of status changes, alerts and commands. Admins only ({@code /admin/**}). A compartment
 * can be opened only on a device whose registered type has compartments (the file cabinet).
 */
@Controller
@RequestMapping("/admin/devices")
class AdminDevicesController {

    static final String LIST = "admin/devices/list";
    static final String DEVICE = "admin/devices/device";

    /** A line of the monitor table. */
    record Row(DeviceSnapshot device, String lastSeen) {
    }

    private final DeviceHealth health;
    private final HealthHistory history;
    private final CommandLog commands;
    private final DeviceCommands deviceCommands;
    private final DisplayTime displayTime;
    private final DeviceRegistry registry;
    private final MonitorStreams streams;

    AdminDevicesController(DeviceHealth health, HealthHistory history, CommandLog commands,
            DeviceCommands deviceCommands, DisplayTime displayTime, DeviceRegistry registry, MonitorStreams streams) {
        this.displayTime = displayTime;
        this.registry = registry;
        this.streams = streams;
        this.health = health;
        this.history = history;
        this.commands = commands;
        this.deviceCommands = deviceCommands;
    }

    /** The commands an operator may send from the device page. */
    static final Set<DeviceCommand.Type> OPERATOR_COMMANDS = Set.of(DeviceCommand.Type.OPEN_COMPARTMENT,
            DeviceCommand.Type.LOCK_SCREEN, DeviceCommand.Type.UNLOCK_SCREEN, DeviceCommand.Type.REBOOT);
    static final Duration OPERATOR_TIMEOUT = Duration.ofSeconds(10);

    /**
     * An operator's command (open a compartment for a visitor, lock or unlock a kiosk's screen,
     * reboot it); the outcome is shown on the device page and recorded with the device's commands.
     */
    @PostMapping("/{code:[A-Za-z0-9_.-]{1,64}}/commands")
    String command(@PathVariable String code, @RequestParam String type,
            @RequestParam(required = false) @Nullable String compartment, RedirectAttributes redirect) {
        DeviceCommand.Type commandType = OPERATOR_COMMANDS.stream().filter(t -> t.name().equals(type)).findFirst()
                .orElse(null);
        if (commandType == null) {
            redirect.addFlashAttribute("commandError", "device.monitor.send.unknown");
            return "redirect:/admin/devices/" + code;
        }
        if (commandType == DeviceCommand.Type.OPEN_COMPARTMENT && !hasCompartments(code)) {
            redirect.addFlashAttribute("commandError", "device.monitor.send.no-compartments");
            return "redirect:/admin/devices/" + code;
        }
        if (commandType == DeviceCommand.Type.OPEN_COMPARTMENT
                && (compartment == null || !compartment.strip().matches("[A-Z][0-9]{1,2}"))) {
            redirect.addFlashAttribute("commandError", "device.monitor.send.compartment-invalid");
            return "redirect:/admin/devices/" + code;
        }
        DeviceCommand command = commandType == DeviceCommand.Type.OPEN_COMPARTMENT
                ? DeviceCommand.openCompartment(compartment.strip())
                : new DeviceCommand(commandType, Map.of());
        CommandOutcome outcome = deviceCommands.send(code, command, OPERATOR_TIMEOUT);
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/admin/devices/" + code;
    }


    /** The whole page, or for an htmx / live-update request only the table rows. */
    @GetMapping
    String list(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("rows", rows());
        return "true".equals(htmx) ? LIST + " :: rows" : LIST;
    }

    @GetMapping("/{code:[A-Za-z0-9_.-]{1,64}}")
    String device(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("hasCompartments", hasCompartments(code));
        model.addAttribute("row", health.snapshot(code).map(this::row).orElse(null));
        model.addAttribute("changes", history.of(code, 200));
        model.addAttribute("commands", commands.recent(code, 50));
        return DEVICE;
    }

    /** Server-sent events: {@code device} with the device code whenever a device's state moves. */
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream() {
        return streams.open();
    }

    private boolean hasCompartments(String code) {
        return registry.find(code).map(d -> d.type().hasCompartments()).orElse(false);
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>(health.all().stream().map(this::row).toList());
        Set<String> live = rows.stream().map(r -> r.device().code()).collect(Collectors.toSet());
        for (String code : history.knownDevices()) {
            if (!live.contains(code)) {
                rows.add(new Row(new DeviceSnapshot(code, "", DeviceStatus.UNKNOWN, null, 0, Map.of(), null, List.of()), ""));
            }
        }
        rows.sort(java.util.Comparator.comparingInt((Row r) -> severity(r.device().status()))
                .thenComparing(r -> r.device().code()));
        return rows;
    }

    /** Problems first: an operator must see a faulty or silent device without scrolling. */
    private static int severity(DeviceStatus status) {
        return switch (status) {
            case FAULT -> 0;
            case OFFLINE -> 1;
            case UNKNOWN -> 2;
            case BUSY, ONLINE -> 3;
        };
    }

    private Row row(DeviceSnapshot snapshot) {
        Instant seen = snapshot.lastSeen();
        return new Row(snapshot, displayTime.format(seen));
    }
}
