package org.hall24.kiosk.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.hall24.identity.CardRefused;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSession.Stage;
import org.hall24.identity.KioskSessionException;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.kiosk.PairedKiosk;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The citizen's first screens at a kiosk: attract (put the ID card on the reader), identify (face
 * step, fallback, waiting for staff), enterprise choice, end; plus the kiosk's event stream and the
 * activity ping. All state is on the server; the screens follow it through {@code /kiosk/events}.
 */
@Controller
class KioskController {

    static final String ATTRACT = "kiosk/attract";
    static final String IDENTIFY = "kiosk/identify";
    static final String ENTERPRISE = "kiosk/enterprise";
    static final String END = "kiosk/end";

    private final KioskSessions sessions;
    private final KioskEventStream stream;
    private final Clock clock;

    KioskController(KioskSessions sessions, KioskEventStream stream, Clock clock) {
        this.sessions = sessions;
        this.stream = stream;
        this.clock = clock;
    }

    /** Attract screen; with a live session, the screen the session stands at. */
    @GetMapping("/kiosk")
    String attract(PairedKiosk kiosk, @RequestParam(required = false) @Nullable String refused,
            @RequestParam(required = false) @Nullable String ended, Model model) {
        var session = sessions.current(kiosk.deviceCode());
        if (session.isPresent()) {
            return session.get().verified() ? "redirect:/kiosk/items" : "redirect:/kiosk/identify";
        }
        model.addAttribute("step", "identify");
        model.addAttribute("refusedKey", known(CardRefused.Reason.values(), refused)
                ? CardRefused.Reason.valueOf(refused).messageKey() : null);
        model.addAttribute("endedKey", known(SessionEnd.values(), ended) && !SessionEnd.CITIZEN_FINISHED.name().equals(ended)
                ? SessionEnd.valueOf(ended).messageKey() : null);
        return ATTRACT;
    }

    /** The identify screen; for htmx (live updates) only its panel. */
    @GetMapping("/kiosk/identify")
    String identify(PairedKiosk kiosk, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model, HttpServletResponse response) {
        KioskSession session = sessions.current(kiosk.deviceCode()).orElseThrow(NoVerifiedSessionException::new);
        if (session.verified()) {
            if ("true".equals(htmx)) {
                response.setHeader("HX-Redirect", "/kiosk/items");
                return IDENTIFY + " :: verified";
            }
            return "redirect:/kiosk/items";
        }
        model.addAttribute("step", "identify");
        model.addAttribute("identifying", session);
        model.addAttribute("refusalKey", sessions.lastFaceRefusal(session.id()).map(r -> r.messageKey()).orElse(null));
        return "true".equals(htmx) ? IDENTIFY + " :: panel" : IDENTIFY;
    }

    /** The citizen asks for the staff-assisted check. */
    @PostMapping("/kiosk/identify/assist")
    String assist(PairedKiosk kiosk) {
        KioskSession session = sessions.current(kiosk.deviceCode()).orElseThrow(NoVerifiedSessionException::new);
        if (session.stage() == Stage.AWAITING_FACE || session.stage() == Stage.FALLBACK_OFFERED) {
            sessions.requestAssistedCheck(session.id());
        }
        return "redirect:/kiosk/identify";
    }

    /** "End / 退出": ends the session at once and thanks the citizen. */
    @PostMapping("/kiosk/session/end")
    String end(PairedKiosk kiosk) {
        sessions.current(kiosk.deviceCode()).ifPresent(s -> sessions.end(s.id(), SessionEnd.CITIZEN_FINISHED));
        return "redirect:/kiosk/end";
    }

    @GetMapping("/kiosk/end")
    String ended(PairedKiosk kiosk, Model model) {
        if (sessions.current(kiosk.deviceCode()).isPresent()) {
            return "redirect:/kiosk";
        }
        return END;
    }

    /** Activity at the screen (a touch, a key): pushes the session's inactivity deadline. */
    @PostMapping(path = "/kiosk/session/touch", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Long>> touch(PairedKiosk kiosk) {
        // The pairing interceptor already counted this request as activity.
        return sessions.current(kiosk.deviceCode())
                .map(s -> ResponseEntity.ok(Map.of("expiresIn", Math.max(0, Duration.between(clock.instant(), s.expiresAt()).toMillis()))))
                .orElseGet(() -> ResponseEntity.ok(Map.of("expiresIn", -1L)));
    }

    /** 个人办事 / 企业办事: a verified person may act for an enterprise. */
    @GetMapping("/kiosk/enterprise")
    String enterprise(@VerifiedSession KioskSession session, Model model) {
        model.addAttribute("step", "items");
        model.addAttribute("creditCode", session.enterprise() == null ? "" : session.enterprise().value());
        return ENTERPRISE;
    }

    @PostMapping("/kiosk/enterprise")
    String declareEnterprise(@VerifiedSession KioskSession session, @RequestParam(defaultValue = "") String creditCode,
            Model model) {
        try {
            sessions.declareEnterprise(session.id(), KioskSessions.enterpriseCode(creditCode));
            return "redirect:/kiosk/items";
        }
        catch (KioskSessionException e) {
            if (!e.reasonKey().startsWith("identity.enterprise.")) {
                throw e;
            }
            model.addAttribute("step", "items");
            model.addAttribute("creditCode", creditCode);
            model.addAttribute("creditCodeError", e.reasonKey());
            model.addAttribute("showForm", true);
            return ENTERPRISE;
        }
    }

    /** This kiosk's live events (see {@link KioskEventStream}). */
    @GetMapping(path = "/kiosk/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(PairedKiosk kiosk) {
        return stream.open(kiosk.deviceCode());
    }

    private static boolean known(Enum<?>[] values, @Nullable String name) {
        return name != null && Arrays.stream(values).anyMatch(v -> v.name().equals(name));
    }
}
