package org.hall24.kiosk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.hall24.hall.Halls;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessionException;
import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.PairedKiosk;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.hall24.platform.NotFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every kiosk page may use ({@code kiosk}, {@code hallName}, {@code kioskSession},
 * {@code expiresInMillis}, {@code warningSeconds}, {@code largeText}), and how kiosk handlers answer a browser that is not
 * paired (403 page, or 403 problem+json for htmx, JSON and form posts) or a screen that needs a
 * verified session when there is none (to {@code /kiosk}).
 */
@ControllerAdvice(basePackageClasses = KioskPages.class)
class KioskPages {

    static final String PROBLEM_TYPE = "https://hall24.org/problems/kiosk-not-paired";

    private final KioskSessions sessions;
    private final Halls halls;
    private final Clock clock;
    private final Duration warning;
    private final KioskTextSize textSize;

    KioskPages(KioskSessions sessions, Halls halls, Clock clock,
            @Value("${hall24.kiosk.inactivity-warning:30s}") Duration warning, KioskTextSize textSize) {
        this.sessions = sessions;
        this.textSize = textSize;
        this.halls = halls;
        this.clock = clock;
        this.warning = warning;
    }

    @ModelAttribute("kiosk")
    @Nullable PairedKiosk kiosk(HttpServletRequest request) {
        return KioskRequests.paired(request);
    }

    @ModelAttribute("hallName")
    @Nullable String hallName(HttpServletRequest request, Locale locale) {
        PairedKiosk kiosk = KioskRequests.paired(request);
        return kiosk == null ? null : halls.hall(kiosk.hallCode()).map(h -> h.name().in(locale)).orElse(kiosk.hallCode());
    }

    @ModelAttribute("kioskSession")
    @Nullable KioskSession kioskSession(HttpServletRequest request) {
        PairedKiosk kiosk = KioskRequests.paired(request);
        return kiosk == null ? null : sessions.current(kiosk.deviceCode()).orElse(null);
    }

    @ModelAttribute("expiresInMillis")
    long expiresInMillis(HttpServletRequest request) {
        PairedKiosk kiosk = KioskRequests.paired(request);
        return kiosk == null ? -1 : sessions.current(kiosk.deviceCode())
                .map(s -> Math.max(0, Duration.between(clock.instant(), s.expiresAt()).toMillis())).orElse(-1L);
    }

    /** Whether the screen shows the larger type (大字), chosen in this kiosk session ({@link KioskTextSize}). */
    @ModelAttribute("largeText")
    boolean largeText(HttpServletRequest request, HttpServletResponse response) {
        PairedKiosk kiosk = KioskRequests.paired(request);
        return kiosk != null && textSize.large(request, response, sessions.current(kiosk.deviceCode()).orElse(null));
    }

    @ModelAttribute("warningSeconds")
    long warningSeconds() {
        return warning.toSeconds();
    }

    @ExceptionHandler
    ModelAndView notPaired(KioskNotPairedException e, HttpServletRequest request) {
        if (KioskRequests.fullPage(request)) {
            ModelAndView page = new ModelAndView("kiosk/unpaired");
            page.setStatus(HttpStatus.FORBIDDEN);
            return page;
        }
        return new ModelAndView(problem());
    }

    @ExceptionHandler({NoVerifiedSessionException.class, KioskSessionException.class})
    ModelAndView noSession(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        if (KioskRequests.htmx(request)) {
            response.setHeader("HX-Redirect", "/kiosk");
            return new ModelAndView((View) (model, req, res) -> res.setStatus(HttpServletResponse.SC_OK));
        }
        return new ModelAndView("redirect:/kiosk");
    }

    /**
     * Something of this session that is not (or no longer) there: a kiosk screen that says so and
     * leads back into the journey, with the kiosk's countdown and wipe still running, never the
     * lobby guide's error page.
     */
    @ExceptionHandler
    ModelAndView notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (KioskRequests.htmx(request)) {
            response.setHeader("HX-Redirect", "/kiosk");
            return new ModelAndView((View) (model, req, res) -> res.setStatus(HttpServletResponse.SC_OK));
        }
        // An exception handler's model gets no @ModelAttribute values: the layout's are added here.
        ModelAndView page = new ModelAndView("kiosk/not-found");
        page.addObject("kiosk", kiosk(request));
        page.addObject("hallName", hallName(request, locale));
        page.addObject("kioskSession", kioskSession(request));
        page.addObject("expiresInMillis", expiresInMillis(request));
        page.addObject("warningSeconds", warningSeconds());
        page.addObject("largeText", largeText(request, response));
        page.addObject("currentPath", request.getRequestURI());
        page.addObject("langQuery", "");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private static View problem() {
        return (model, request, response) -> writeProblem(response);
    }

    static void writeProblem(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + PROBLEM_TYPE + "\",\"title\":\"Kiosk not paired\",\"status\":403,"
                + "\"detail\":\"This browser is not paired with a kiosk; an administrator issues a pairing code at "
                + "/admin/kiosks and it is entered at /kiosk/pair.\"}");
    }
}
