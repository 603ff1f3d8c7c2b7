package org.hall24.kiosk.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.hall24.identity.KioskSession;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The kiosk's 大字 (larger text) switch, remembered for the current kiosk session only. The choice is a
 * cookie in the kiosk's own browser, bound to the session it was made in: {@code large.<session id>},
 * or {@code large} when chosen on the start screen before any card was read (then it binds to the
 * session that starts next, and lapses after the inactivity timeout if none does). A screen rendered
 * for another session, or for none after the bound session ended, clears the cookie, so the next
 * citizen always starts at the normal size, whether the session ended by "End", inactivity or staff,
 * and even if the browser missed the end. The cookie holds no personal data.
 */
@Component
class KioskTextSize {

    static final String COOKIE = "HALL24_KIOSK_TEXT";
    static final String LARGE = "large";

    private final Duration unboundLifetime;

    KioskTextSize(@Value("${hall24.kiosk.inactivity-timeout:120s}") Duration unboundLifetime) {
        this.unboundLifetime = unboundLifetime;
    }

    /**
     * Whether this screen shows the larger type, for the kiosk's current session (or none); binds an
     * unbound choice to {@code session} and clears a choice of another session.
     */
    boolean large(HttpServletRequest request, HttpServletResponse response, @Nullable KioskSession session) {
        Optional<String> value = cookie(request);
        if (value.isEmpty()) {
            return false;
        }
        String choice = value.get();
        if (choice.equals(LARGE)) {
            if (session != null) {
                write(response, LARGE + "." + session.id(), null);
            }
            return true;
        }
        if (session != null && choice.equals(LARGE + "." + session.id())) {
            return true;
        }
        write(response, "", Duration.ZERO);
        return false;
    }

    /** Records the citizen's choice for the current session (or, with none, for the next one). */
    void choose(HttpServletResponse response, boolean large, @Nullable KioskSession session) {
        if (!large) {
            write(response, "", Duration.ZERO);
        }
        else if (session != null) {
            write(response, LARGE + "." + session.id(), null);
        }
        else {
            write(response, LARGE, unboundLifetime);
        }
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty())
                .map(Cookie::getValue).findFirst();
    }

    private static void write(HttpServletResponse response, String value, @Nullable Duration maxAge) {
        if (response.isCommitted()) {
            return;
        }
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(COOKIE, value)
                .path("/kiosk").httpOnly(true).sameSite("Strict");
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
    }
}
