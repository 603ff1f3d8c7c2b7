package org.hall24.kiosk.web;

import org.hall24.kiosk.PairedKiosk;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/** What the pairing interceptor leaves on a kiosk request, and how a request wants its answer. */
final class KioskRequests {

    static final String PAIRED = PairedKiosk.class.getName();
    static final String COOKIE = org.hall24.device.PairedScreens.COOKIE;

    private KioskRequests() {
    }

    /** Browsers cap cookie lifetimes at 400 days; the cookie is set again at each start screen, the pairing lasts until revoked. */
    static final java.time.Duration COOKIE_LIFETIME = java.time.Duration.ofDays(400);

    static String cookie(String token, boolean secure) {
        return org.springframework.http.ResponseCookie.from(COOKIE, token)
                .httpOnly(true)
                .sameSite("Strict")
                .secure(secure)
                .path("/")
                .maxAge(COOKIE_LIFETIME)
                .build()
                .toString();
    }

    static @Nullable PairedKiosk paired(HttpServletRequest request) {
        return request.getAttribute(PAIRED) instanceof PairedKiosk kiosk ? kiosk : null;
    }

    static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** A plain page load (GET of HTML), as opposed to htmx, JSON, an event stream or a form post. */
    static boolean fullPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || htmx(request)) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.equals("*/*");
    }
}
