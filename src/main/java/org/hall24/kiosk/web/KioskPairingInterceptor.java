package org.hall24.kiosk.web;

import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.KioskPairings;
import org.hall24.kiosk.PairedKiosk;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a {@code /kiosk/**} request through only from a paired browser (the {@code HALL24_KIOSK}
 * cookie's token resolves to a kiosk device), and counts it as activity in the kiosk's session.
 * Unpaired requests get {@link KioskNotPairedException}: a 403 page or a 403 problem.
 */
class KioskPairingInterceptor implements HandlerInterceptor {

    private final KioskPairings pairings;
    private final KioskSessions sessions;

    KioskPairingInterceptor(KioskPairings pairings, KioskSessions sessions) {
        this.pairings = pairings;
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = token(request);
        PairedKiosk kiosk = token == null ? null : pairings.resolve(token).orElse(null);
        if (kiosk == null) {
            throw new KioskNotPairedException();
        }
        request.setAttribute(KioskRequests.PAIRED, kiosk);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/kiosk") && "GET".equals(request.getMethod())) {
            // Renew the cookie's lifetime at each start screen, so a kiosk in use never loses its pairing.
            response.addHeader("Set-Cookie", KioskRequests.cookie(token, request.isSecure()));
        }
        if (!path.equals("/kiosk/events")) {
            sessions.current(kiosk.deviceCode()).ifPresent(s -> sessions.touch(s.id()));
        }
        return true;
    }

    private static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (KioskRequests.COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
