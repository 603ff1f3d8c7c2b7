package org.hall24.kiosk.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessionException;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.kiosk.KioskPairings;
import org.hall24.kiosk.KioskPairings.KioskDevice;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/kiosks}: the hall's kiosk devices with their paired browsers and live sessions; issue
 * a pairing code (shown once, in the answer to the POST, never stored in clear), unpair a browser,
 * end a session. {@code /admin/kiosks/assist}: the staff-assisted identity checks waiting for a
 * decision, with the card photo shown to staff only.
 */
@Controller
@RequestMapping("/admin/kiosks")
class AdminKiosksController {

    static final String LIST = "admin/kiosks/list";
    static final String ASSIST = "admin/kiosks/assist";

    private final KioskPairings pairings;
    private final KioskSessions sessions;

    AdminKiosksController(KioskPairings pairings, KioskSessions sessions) {
        this.pairings = pairings;
        this.sessions = sessions;
    }

    /** A kiosk row: the device, its pairings and its live session, if any. */
    record Row(KioskDevice device, @Nullable KioskSession session) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", rows());
        model.addAttribute("assistCount", sessions.awaitingStaff().size());
        return LIST;
    }

    @PostMapping("/{code:[A-Za-z0-9_.-]{1,64}}/pairing-code")
    String issue(@PathVariable String code, Principal staff, Model model) {
        try {
            model.addAttribute("issued", pairings.issueCode(code, staff.getName()));
        }
        catch (IllegalArgumentException e) {
            model.addAttribute("error", "kiosk.admin.error.not-a-kiosk");
        }
        return list(model);
    }

    @PostMapping("/pairings/{id}/revoke")
    String revoke(@PathVariable UUID id, Principal staff, RedirectAttributes redirect) {
        pairings.revoke(id, staff.getName());
        redirect.addFlashAttribute("notice", "kiosk.admin.revoked");
        return "redirect:/admin/kiosks";
    }

    @PostMapping("/{code:[A-Za-z0-9_.-]{1,64}}/session/end")
    String endSession(@PathVariable String code, RedirectAttributes redirect) {
        sessions.current(code).ifPresent(s -> sessions.end(s.id(), SessionEnd.STAFF));
        redirect.addFlashAttribute("notice", "kiosk.admin.session-ended");
        return "redirect:/admin/kiosks";
    }

    @GetMapping("/assist")
    String assist(Model model) {
        model.addAttribute("requests", sessions.awaitingStaff());
        return ASSIST;
    }

    /** The card photo of a waiting session, never cached; each look is audited. */
    @GetMapping("/assist/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, Principal staff) {
        return sessions.cardPhotoForStaff(id, staff.getName())
                .map(photo -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(photo))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/assist/{id}/approve")
    String approve(@PathVariable UUID id, Principal staff, RedirectAttributes redirect) {
        return decide(() -> sessions.approveAssistedCheck(id, staff.getName()), "kiosk.assist.approved", redirect);
    }

    @PostMapping("/assist/{id}/reject")
    String reject(@PathVariable UUID id, Principal staff, RedirectAttributes redirect) {
        return decide(() -> sessions.rejectAssistedCheck(id, staff.getName()), "kiosk.assist.rejected", redirect);
    }

    private static String decide(Runnable decision, String notice, RedirectAttributes redirect) {
        try {
            decision.run();
            redirect.addFlashAttribute("notice", notice);
        }
        catch (KioskSessionException e) {
            redirect.addFlashAttribute("notice", "kiosk.assist.gone");
        }
        return "redirect:/admin/kiosks/assist";
    }

    private List<Row> rows() {
        Map<String, KioskDevice> devices = pairings.kiosks().stream()
                .collect(Collectors.toMap(KioskDevice::deviceCode, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        return devices.values().stream()
                .map(d -> new Row(d, sessions.current(d.deviceCode()).orElse(null)))
                .toList();
    }
}
