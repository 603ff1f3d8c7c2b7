package org.hall24.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security handles the form's POST and the sign-out. */
@Controller
class LoginController {

    static final String LOGIN_VIEW = "admin/login";

    @GetMapping("/login")
    String login() {
        return LOGIN_VIEW;
    }
}
