package org.hall24.accounts.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff sign-in page; Spring Security handles the form's POST and the sign-out. After too many
 * failed sign-ins it says for how many minutes signing in is paused ({@code ?locked=<minutes>}),
 * the same for a name that has no account.
 */
@Controller
class LoginController {

    static final String LOGIN_VIEW = "admin/login";

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String locked, Model model) {
        if (locked != null) {
            model.addAttribute("lockedMinutes", locked.matches("\\d{1,4}") ? Integer.parseInt(locked) : 15);
        }
        return LOGIN_VIEW;
    }
}
