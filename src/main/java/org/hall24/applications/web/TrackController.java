package org.hall24.applications.web;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hall24.applications.Applications;
import org.hall24.applications.Filing;
import org.hall24.applications.FilingNumber;
import org.hall24.applications.FilingTransition;
import org.hall24.applications.ProgressCodes;
import org.hall24.cabinet.Custody;
import org.hall24.catalog.Catalog;
import org.hall24.notifications.VerificationCodes;
import org.hall24.platform.RateLimit;
import org.hall24.platform.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The public progress page ({@code /track}): a filing number (checked for shape and check character),
 * an SMS code to the phone on file, then the timeline. Filing numbers are sequential, so the page is
 * no oracle of which exist: every well-formed number gets the same answer, by the same work
 * ({@link ProgressCodes#request}: a challenge opened, the SMS sent after the commit only where the
 * filing has a phone), and no phone is shown before the code is entered. Lookups are rate-limited
 * per client address and per number in PostgreSQL ({@link RateLimiter}), codes per phone by
 * {@link VerificationCodes}. Every look at a filing is audited. The timeline merges the filing's
 * statuses with the hand-overs of its paper and result ({@link Custody}), in plain words only
 * ({@link TrackedStep}).
 */
@Controller
@RequestMapping("/track")
class TrackController {

    static final String VIEW = "track/index";
    static final String STATUS_VIEW = "track/status";
    static final String TOO_MANY_VIEW = "track/too-many";
    static final String ACTOR = "track";
    /** The name of the lookup limit in {@code platform_rate_limit}; keys {@code ip:<address>} and {@code number:<number>}. */
    static final String LOOKUPS = "track.lookup";
    private static final String CHALLENGE = "hall24.track.challenge";
    private static final String VERIFIED = "hall24.track.verified";

    /** The challenge opened for one number, remembered in the visitor's session. */
    record PendingCode(String number, UUID challengeId) implements Serializable {
    }

    private final Applications applications;
    private final Catalog catalog;
    private final Custody custody;
    private final ProgressCodes progressCodes;
    private final VerificationCodes codes;
    private final RateLimiter limiter;
    private final RateLimit lookups;

    TrackController(Applications applications, Catalog catalog, Custody custody, ProgressCodes progressCodes, VerificationCodes codes,
            RateLimiter limiter, @Value("${hall24.applications.track.max-lookups:10}") int maxLookups,
            @Value("${hall24.applications.track.window:10m}") Duration window) {
        this.applications = applications;
        this.catalog = catalog;
        this.custody = custody;
        this.progressCodes = progressCodes;
        this.codes = codes;
        this.limiter = limiter;
        this.lookups = RateLimit.sliding(LOOKUPS, maxLookups, window);
    }

    @GetMapping
    String form(@RequestParam(required = false) @Nullable String number, Model model) {
        model.addAttribute("number", number == null ? "" : FilingNumber.normalise(number));
        return VIEW;
    }

    @PostMapping
    String sendCode(@RequestParam(defaultValue = "") String number, HttpServletRequest request, HttpServletResponse response,
            HttpSession session, Model model, Locale locale) {
        String normalised = FilingNumber.normalise(number);
        model.addAttribute("number", normalised);
        Optional<FilingNumber.Problem> problem = FilingNumber.problemOf(normalised);
        if (problem.isPresent()) {
            model.addAttribute("numberError", "track.number.error." + problem.get());
            return VIEW;
        }
        RateLimiter.Decision allowed = limiter.hit(lookups, "ip:" + request.getRemoteAddr(), "number:" + normalised);
        if (!allowed.allowed()) {
            return tooMany(response, allowed, model);
        }
        UUID challenge = progressCodes.request(normalised, locale);
        session.setAttribute(CHALLENGE, new PendingCode(normalised, challenge));
        model.addAttribute("codeSent", true);
        return VIEW;
    }

    @PostMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
        String normalised = FilingNumber.normalise(number);
        model.addAttribute("number", normalised);
        RateLimiter.Decision allowed = limiter.hit(lookups, "ip:" + request.getRemoteAddr(), "number:" + normalised);
        if (!allowed.allowed()) {
            return tooMany(response, allowed, model);
        }
        PendingCode pending = pending(session, normalised);
        if (pending == null) {
            model.addAttribute("codeError", "track.code.error.EXPIRED");
            model.addAttribute("codeSent", false);
            return VIEW;
        }
        VerificationCodes.Result result = codes.verify(pending.challengeId(), ProgressCodes.purpose(normalised), code);
        if (result == VerificationCodes.Result.VERIFIED) {
            session.removeAttribute(CHALLENGE);
            verified(session).add(normalised);
            return "redirect:/track/status?number=" + normalised;
        }
        model.addAttribute("codeSent", result == VerificationCodes.Result.WRONG);
        model.addAttribute("codeError", "track.code.error." + result);
        return VIEW;
    }

    @GetMapping("/status")
    String status(@RequestParam(defaultValue = "") String number, HttpSession session, Model model, Locale locale) {
        String normalised = FilingNumber.normalise(number);
        if (!verified(session).contains(normalised)) {
            return "redirect:/track?number=" + normalised;
        }
        Filing filing = applications.filing(normalised, ACTOR, "track-timeline").orElse(null);
        if (filing == null) {
            return "redirect:/track";
        }
        List<FilingTransition> history = new ArrayList<>(applications.history(normalised));
        Collections.reverse(history);
        model.addAttribute("number", normalised);
        model.addAttribute("filing", filing);
        model.addAttribute("maskedName", filing.applicant().maskedName());
        model.addAttribute("itemName", catalog.item(filing.itemCode(), filing.itemVersion())
                .map(i -> i.name().in(locale)).orElse(filing.itemCode()));
        model.addAttribute("timeline", TrackedStep.timeline(history, custody.chain(normalised)));
        return STATUS_VIEW;
    }

    private static String tooMany(HttpServletResponse response, RateLimiter.Decision refused, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(refused.retryAfter().toSeconds()));
        model.addAttribute("retryMinutes", Math.max(1, (refused.retryAfter().toSeconds() + 59) / 60));
        return TOO_MANY_VIEW;
    }

    private static @Nullable PendingCode pending(HttpSession session, String number) {
        return session.getAttribute(CHALLENGE) instanceof PendingCode p && p.number().equals(number) ? p : null;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> verified(HttpSession session) {
        Object value = session.getAttribute(VERIFIED);
        if (value instanceof Set<?> set) {
            return (Set<String>) set;
        }
        Set<String> fresh = new HashSet<>();
        session.setAttribute(VERIFIED, fresh);
        return fresh;
    }
}
