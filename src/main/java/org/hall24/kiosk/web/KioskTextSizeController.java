package org.hall24.kiosk.web;

import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.PairedKiosk;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The 大字 / "Larger text" button in every kiosk screen's header. kiosk.js switches the type size in
 * place and posts here ({@code Accept: application/json}: 204), so nothing typed on the screen is lost;
 * without script the form posts and the same screen is shown again.
 */
@Controller
class KioskTextSizeController {

    private final KioskSessions sessions;
    private final KioskTextSize textSize;

    KioskTextSizeController(KioskSessions sessions, KioskTextSize textSize) {
        this.sessions = sessions;
        this.textSize = textSize;
    }

    @PostMapping("/kiosk/text-size")
    Object choose(PairedKiosk kiosk, @RequestParam boolean large, @RequestParam(required = false) @Nullable String back,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept, HttpServletResponse response) {
        textSize.choose(response, large, sessions.current(kiosk.deviceCode()).orElse(null));
        if (accept != null && accept.contains("application/json")) {
            return ResponseEntity.noContent().build();
        }
        return "redirect:" + (back != null && back.startsWith("/kiosk") && !back.startsWith("//") ? back : "/kiosk");
    }
}
