package org.hall24.notifications.web;

import org.hall24.notifications.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The SMS outbox for staff: what was sent to whom (masked), when, and whether the provider took it. */
@Controller
@RequestMapping("/admin/notifications")
class AdminNotificationsController {

    private final Notifications notifications;

    AdminNotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String outbox(Model model) {
        model.addAttribute("messages", notifications.latest(200));
        return "admin/notifications/outbox";
    }
}
