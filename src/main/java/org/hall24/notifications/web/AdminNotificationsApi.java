package org.hall24.notifications.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.hall24.notifications.Channel;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.OutboxQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox for operators' tools ({@code /api/v1/admin/**}: an admin's credentials). The same
 * masked view as the page: no one-time code, no link that grants access, no full recipient.
 */
@RestController
@RequestMapping("/api/v1/admin/notifications")
class AdminNotificationsApi {

    private final Notifications notifications;

    AdminNotificationsApi(Notifications notifications) {
        this.notifications = notifications;
    }

    /** A message with its attempts. */
    record MessageWithAttempts(OutboxMessage message, List<OutboxMessage.Attempt> attempts) {
    }

    @GetMapping
    List<OutboxMessage> find(@RequestParam(required = false) @Nullable DeliveryState state,
            @RequestParam(required = false) @Nullable Channel channel, @RequestParam(required = false) @Nullable String template,
            @RequestParam(required = false) @Nullable String recipient, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String normalised = null;
        if (recipient != null && !recipient.isBlank()) {
            normalised = AdminNotificationsController.normalise(recipient.strip());
            if (normalised == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "recipient must be a full mobile number or e-mail address");
            }
        }
        if (page < 0 || size < 1 || size > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size 1 to 200");
        }
        return notifications.find(new OutboxQuery(state, channel, normalised, template == null || template.isBlank() ? null : template,
                page, size));
    }

    @GetMapping("/{id}")
    MessageWithAttempts message(@PathVariable UUID id) {
        OutboxMessage message = notifications.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id));
        return new MessageWithAttempts(message, notifications.attempts(id));
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@PathVariable UUID id, Principal admin) {
        if (notifications.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id);
        }
        if (!notifications.retry(id, admin.getName())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "the message is not failed, or its text was cleared (it held a one-time code): it cannot be sent again");
            problem.setTitle("Cannot be sent again");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.accepted().body(notifications.find(id).orElseThrow());
    }
}
