package org.hall24.applications.web;

import java.io.Serializable;
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
import org.hall24.catalog.Catalog;
import org.hall24.notifications.VerificationCodes;
import org.jspecify.annotations.Nullable;
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
 * an SMS code to the phone on file, then the timeline. A number that does not exist gets the same
 * answer as a filing without a phone, so numbers cannot be probed; lookups are rate-limited per
 * client address and per number. Every look at a filing is audited.
 */
@Controller
@RequestMapping("/track")
class TrackController {

    static final String VIEW = "track/index";
    static final String STATUS_VIEW = "track/status";
    static final String TOO_MANY_VIEW = "track/too-many";
    static final String ACTOR = "track";
    private static final String CHALLENGE = "hall24.track.challenge";
    private static final String VERIFIED = "hall24.track.verified";

    /** The code sent for one number, remembered in the visitor's session. */
    record PendingCode(String number, UUID challengeId, String maskedPhone) implements Serializable {
    }

    private final Applications applications;
    private final Catalog catalog;
    private final VerificationCodes codes;
    private final TrackRateLimiter limiter;

    TrackController(Applications applications, Catalog catalog, VerificationCodes codes, TrackRateLimiter limiter) {
        this.applications = applications;
        this.catalog = catalog;
        this.codes = codes;
        this.limiter = limiter;
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
        if (!limiter.tryAcquire("ip:" + request.getRemoteAddr(), "number:" + normalised)) {
            return tooMany(response);
        }
        Optional<Filing> filing = applications.summary(normalised).isPresent()
                ? applications.filing(normalised, ACTOR, "track-code") : Optional.empty();
        if (filing.isEmpty() || filing.get().applicant().phone() == null) {
            model.addAttribute("noPhone", true);
            return VIEW;
        }
        var phone = filing.get().applicant().phone();
        try {
            VerificationCodes.Challenge challenge = codes.issue("track:" + normalised, phone, "track-code", locale, normalised);
            session.setAttribute(CHALLENGE, new PendingCode(normalised, challenge.id(), phone.masked()));
            model.addAttribute("maskedPhone", phone.masked());
            model.addAttribute("codeSent", true);
        }
        catch (VerificationCodes.TooManyCodesException e) {
            PendingCode pending = pending(session, normalised);
            model.addAttribute("codeSent", pending != null);
            model.addAttribute("maskedPhone", phone.masked());
            model.addAttribute("codeError", "track.code.error.too-many");
            model.addAttribute("retryAfter", Math.max(1, e.retryAfter().toSeconds()));
        }
        return VIEW;
    }

    @PostMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
        String normalised = FilingNumber.normalise(number);
        model.addAttribute("number", normalised);
        if (!limiter.tryAcquire("ip:" + request.getRemoteAddr(), "number:" + normalised)) {
            return tooMany(response);
        }
        PendingCode pending = pending(session, normalised);
        if (pending == null) {
            model.addAttribute("codeError", "track.code.error.EXPIRED");
            model.addAttribute("codeSent", false);
            return VIEW;
        }
        VerificationCodes.Result result = codes.verify(pending.challengeId(), "track:" + normalised, code);
        if (result == VerificationCodes.Result.VERIFIED) {
            session.removeAttribute(CHALLENGE);
            verified(session).add(normalised);
            return "redirect:/track/status?number=" + normalised;
        }
        model.addAttribute("codeSent", result == VerificationCodes.Result.WRONG);
        model.addAttribute("maskedPhone", pending.maskedPhone());
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
        model.addAttribute("history", history);
        return STATUS_VIEW;
    }

    private static String tooMany(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "600");
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
