package org.hall24.kiosk.web;

import org.hall24.device.DeviceType;
import org.hall24.kiosk.KioskPairings;
import org.hall24.kiosk.KioskPairings.Paired;
import org.hall24.kiosk.KioskPairings.Refused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /kiosk/pair}: the kiosk's browser enters the pairing code an admin issued and receives the
 * long-lived {@code HALL24_KIOSK} cookie (HttpOnly, SameSite=Strict, Secure over HTTPS).
 */
@Controller
class KioskPairingController {

    static final String PAIR = "kiosk/pair";
    private final KioskPairings pairings;

    KioskPairingController(KioskPairings pairings) {
        this.pairings = pairings;
    }

    @GetMapping("/kiosk/pair")
    String form() {
        return PAIR;
    }

    @PostMapping("/kiosk/pair")
    String pair(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        var outcome = pairings.pair(code, agent == null ? "" : agent, request.getRemoteAddr());
        if (outcome instanceof Paired paired) {
            response.addHeader(HttpHeaders.SET_COOKIE, KioskRequests.cookie(paired.token(), request.isSecure()));
            // A cabinet's screen is paired the same way and goes to its own pages.
            return paired.kiosk().deviceType() == DeviceType.FILE_CABINET ? "redirect:/cabinet" : "redirect:/kiosk";
        }
        Refused refused = (Refused) outcome;
        response.setStatus(refused.reason() == KioskPairings.RefusalReason.RATE_LIMITED
                ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("codeError", refused.reason().messageKey());
        return PAIR;
    }
}
