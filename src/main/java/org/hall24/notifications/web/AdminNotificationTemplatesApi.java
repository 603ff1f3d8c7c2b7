package org.hall24.notifications.web;

import java.util.List;

import org.hall24.notifications.templates.TemplateOverrides;
import org.hall24.notifications.templates.TemplateVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The message templates for operators' tools ({@code /api/v1/admin/**}: an admin's credentials):
 * what the admin page shows, each template with its SMS length in segments and previews with the
 * sample values. Read-only; texts are changed on the admin page.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/notifications/templates", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminNotificationTemplatesApi {

    private final TemplateOverrides overrides;
    private final TemplatePreviews previews;

    AdminNotificationTemplatesApi(TemplateOverrides overrides, TemplatePreviews previews) {
        this.overrides = overrides;
        this.previews = previews;
    }

    /** A template with its stored versions, newest first. */
    record TemplateWithVersions(TemplatePreviews.TemplateView template, List<TemplateVersion> versions) {
    }

    @GetMapping
    List<TemplatePreviews.TemplateView> all() {
        return overrides.all().stream().map(previews::view).toList();
    }

    @GetMapping("/{key}")
    TemplateWithVersions one(@PathVariable String key) {
        return overrides.find(key).map(state -> new TemplateWithVersions(previews.view(state), overrides.versions(key)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message template " + key));
    }
}
