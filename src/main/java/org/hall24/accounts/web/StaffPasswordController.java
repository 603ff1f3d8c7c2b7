package org.hall24.accounts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hall24.accounts.internal.StaffPasswords;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A staff member's own password ({@code /staff/password}). After signing in with a password that
 * must change (the administrator's initial one), every staff page leads here until a new one is
 * set; then the sign-in gets the account's roles and goes on to the admin pages.
 */
@Controller
@RequestMapping(StaffPasswordController.PATH)
class StaffPasswordController {

    static final String PATH = "/staff/password";
    static final String VIEW = "admin/password";

    private final StaffPasswords passwords;
    private final SecurityContextRepository contexts;

    StaffPasswordController(StaffPasswords passwords, SecurityContextRepository contexts) {
        this.passwords = passwords;
        this.contexts = contexts;
    }

    @GetMapping
    String form(Authentication signedIn, Model model) {
        return show(signedIn, Map.of(), model);
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
            @RequestParam(defaultValue = "") String confirmation, Authentication signedIn, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        List<StaffPasswords.Problem> problems = passwords.change(signedIn.getName(), request.getRemoteAddr(), current, next,
                confirmation);
        if (!problems.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            problems.forEach(p -> errors.putIfAbsent(p.field(), p.messageKey()));
            return show(signedIn, errors, model);
        }
        Authentication fresh = passwords.signedInAgain(signedIn);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        boolean admin = fresh.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return admin ? "redirect:/admin/catalog" : "redirect:" + PATH + "?changed";
    }

    private static String show(Authentication signedIn, Map<String, String> errors, Model model) {
        model.addAttribute("required", StaffPasswords.mustChange(signedIn));
        model.addAttribute("minLength", StaffPasswords.MIN_LENGTH);
        model.addAttribute("errors", errors);
        return VIEW;
    }
}
