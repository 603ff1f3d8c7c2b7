package org.hall24.simulator.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.hall24.simulator.HallSimulator;
import org.hall24.simulator.MalformedKind;
import org.hall24.simulator.PrintedDocument;
import org.hall24.simulator.SimulatedDevice;
import org.hall24.simulator.internal.SimulatorRunner;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo operator's remote control of the simulated hall: every simulated device with its state,
 * and buttons that make it do something (a card on the reader, a captured page) or break (offline,
 * out of paper, a jammed door, a malformed payload). Each button is a POST; the page comes back
 * with what happened.
 */
@Controller
@RequestMapping("/admin/simulator")
class AdminSimulatorController {

    static final String VIEW = "admin/simulator/devices";
    static final List<String> ACTIONS = List.of("card", "document", "fingerprint", "face", "offline", "online", "paper-low",
            "paper-out", "refill", "jam", "leave-open", "scan", "slow", "malformed", "clear");

    private final ObjectProvider<SimulatorRunner> runner;

    AdminSimulatorController(ObjectProvider<SimulatorRunner> runner) {
        this.runner = runner;
    }


    private Optional<HallSimulator> simulator() {
        SimulatorRunner r = runner.getIfAvailable();
        return r == null ? Optional.empty() : r.simulator();
    }

    @GetMapping
    String devices(Model model) {
        Optional<HallSimulator> simulator = simulator();
        model.addAttribute("running", simulator.isPresent());
        model.addAttribute("devices", simulator.map(HallSimulator::devices).map(List::copyOf).orElse(List.of()));
        model.addAttribute("broker", simulator.map(s -> s.settings().brokerUrl()).orElse(""));
        model.addAttribute("malformedKinds", MalformedKind.values());
        return VIEW;
    }

    /** A document a simulated kiosk printed, shown in the browser as the citizen would hold it. */
    @GetMapping("/devices/{code}/printed/{documentId}")
    ResponseEntity<byte[]> printed(@PathVariable String code, @PathVariable String documentId) {
        HallSimulator simulator = simulator().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PrintedDocument document;
        try {
            document = simulator.device(code).printed(documentId).orElseThrow();
        }
        catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.format()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.documentId() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(document.content());
    }

    @PostMapping("/{code}/{action}")
    String act(@PathVariable String code, @PathVariable String action, @RequestParam(required = false) @Nullable String compartment,
            @RequestParam(required = false) @Nullable String kind, @RequestParam(name = "code", required = false) @Nullable String scanned,
            RedirectAttributes redirect) {
        if (!ACTIONS.contains(action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        HallSimulator simulator = simulator().orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        SimulatedDevice device;
        try {
            device = simulator.device(code);
        }
        catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            switch (action) {
                case "card" -> device.readCard();
                case "document" -> device.captureDocument();
                case "fingerprint" -> device.captureFingerprint();
                case "face" -> device.faceChecked(0.92, true);
                case "offline" -> device.goOffline();
                case "online" -> device.comeBack();
                case "paper-low" -> device.paperLow();
                case "paper-out" -> device.paperOut();
                case "refill" -> device.refillPaper();
                case "jam" -> device.jamDoor(required(compartment));
                case "leave-open" -> device.leaveDoorOpen(required(compartment));
                case "scan" -> device.scan(scanned == null ? "" : scanned.strip());
                case "slow" -> device.slowReplies(Duration.ofSeconds(8));
                case "malformed" -> device.sendMalformed(kind == null ? MalformedKind.NOT_JSON : MalformedKind.valueOf(kind));
                case "clear" -> device.clearFaults();
                default -> throw new IllegalStateException(action);
            }
            redirect.addFlashAttribute("done", action);
        }
        catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("failed", action);
        }
        redirect.addFlashAttribute("device", code);
        return "redirect:/admin/simulator";
    }

    private static String required(@Nullable String compartment) {
        if (compartment == null || compartment.isBlank()) {
            throw new IllegalArgumentException("compartment missing");
        }
        return compartment;
    }
}
