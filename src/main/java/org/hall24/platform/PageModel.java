package org.hall24.platform;

import java.security.Principal;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.hall24.platform.demo.DemoMode;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every page template may use: the current path and its query without {@code lang}, so the
 * language switch stays on the same page; the signed-in staff member's name for the admin
 * header; {@link DisplayTime} to show instants in the halls' time; and {@code demoMode}, whether
 * this deployment is a demo ({@link DemoMode}), for the demo banner and badge.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    private final DisplayTime displayTime;
    private final DemoMode demoMode;

    PageModel(DisplayTime displayTime, DemoMode demoMode) {
        this.displayTime = displayTime;
        this.demoMode = demoMode;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode.on();
    }

    @ModelAttribute("staffName")
    @Nullable String staffName(@Nullable Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("displayTime")
    DisplayTime displayTime() {
        return displayTime;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("langQuery")
    String langQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(p -> !p.startsWith("lang=") && !p.isEmpty())
                .map(p -> p + "&")
                .collect(Collectors.joining());
    }
}
