package org.hall24.notifications.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.hall24.notifications.Channel;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.OutboxQuery;
import org.hall24.shared.EmailAddress;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox for admins: every SMS and e-mail with its delivery state, filtered by state, channel,
 * event and recipient (the full number or address, compared by its blind index, never by a part),
 * each with its attempts, and a retry for a failed one. Texts come masked from the outbox: no view
 * ever holds a live one-time code or a link that grants access.
 */
@Controller
@RequestMapping("/admin/notifications")
class AdminNotificationsController {

    static final int PAGE_SIZE = 50;

    private final Notifications notifications;
    private final String smsProvider;

    AdminNotificationsController(Notifications notifications, @Value("${hall24.sms.provider:log}") String smsProvider) {
        this.notifications = notifications;
        this.smsProvider = smsProvider;
    }

    @GetMapping
    String outbox(@RequestParam(required = false) @Nullable DeliveryState state, @RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable String template, @RequestParam(required = false) @Nullable String recipient,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String wanted = recipient == null || recipient.isBlank() ? null : recipient.strip();
        String normalised = wanted == null ? null : normalise(wanted);
        boolean recipientInvalid = wanted != null && normalised == null;
        int shownPage = Math.max(0, page);
        List<OutboxMessage> messages = recipientInvalid ? List.of()
                : notifications.find(new OutboxQuery(state, channel, normalised, blankToNull(template), shownPage, PAGE_SIZE + 1));
        model.addAttribute("messages", messages.size() > PAGE_SIZE ? messages.subList(0, PAGE_SIZE) : messages);
        model.addAttribute("hasOlder", messages.size() > PAGE_SIZE);
        model.addAttribute("page", shownPage);
        model.addAttribute("states", Arrays.asList(DeliveryState.values()));
        model.addAttribute("channels", Arrays.asList(Channel.values()));
        model.addAttribute("state", state);
        model.addAttribute("channel", channel);
        model.addAttribute("template", blankToNull(template));
        model.addAttribute("recipient", wanted == null ? "" : wanted);
        model.addAttribute("recipientInvalid", recipientInvalid);
        model.addAttribute("logOnly", "log".equals(smsProvider));
        return "admin/notifications/outbox";
    }

    @GetMapping("/{id}")
    String message(@PathVariable UUID id, Model model) {
        OutboxMessage message = notifications.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id));
        model.addAttribute("m", message);
        model.addAttribute("attempts", notifications.attempts(id));
        return "admin/notifications/message";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable UUID id, Principal admin, RedirectAttributes redirect) {
        if (notifications.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id);
        }
        boolean queued = notifications.retry(id, admin.getName());
        redirect.addFlashAttribute(queued ? "notice" : "error", queued ? "notifications.outbox.retried" : "notifications.outbox.not-retried");
        return "redirect:/admin/notifications/" + id;
    }

    /** The recipient as stored: an 11-digit mobile number or a normalised address; null if it is neither. */
    static @Nullable String normalise(String recipient) {
        if (MobileNumber.problemOf(recipient).isEmpty()) {
            return MobileNumber.of(recipient).value();
        }
        if (EmailAddress.problemOf(recipient).isEmpty()) {
            return EmailAddress.of(recipient).value();
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
