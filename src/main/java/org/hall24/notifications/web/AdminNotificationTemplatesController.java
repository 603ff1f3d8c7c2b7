package org.hall24.notifications.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hall24.notifications.templates.InvalidTemplateTextException;
import org.hall24.notifications.templates.StaleTemplateVersionException;
import org.hall24.notifications.templates.TemplateField;
import org.hall24.notifications.templates.TemplateOverrideRules;
import org.hall24.notifications.templates.TemplateOverrides;
import org.hall24.notifications.templates.TemplateState;
import org.hall24.notifications.templates.TemplateText;
import org.hall24.notifications.templates.TemplateVersion;
import org.hall24.notifications.templates.TextProblem;
import org.jspecify.annotations.Nullable;
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
 * The message templates for admins: every template with its SMS length in segments and a preview
 * with sample values, and per template a form to override its texts (a new version each save;
 * placeholders and channels stay the file's), its versions, and a way back to the file's texts.
 */
@Controller
@RequestMapping("/admin/notifications/templates")
class AdminNotificationTemplatesController {

    static final String LIST_VIEW = "admin/notifications/templates";
    static final String EDIT_VIEW = "admin/notifications/template";

    private final TemplateOverrides overrides;
    private final TemplatePreviews previews;

    AdminNotificationTemplatesController(TemplateOverrides overrides, TemplatePreviews previews) {
        this.overrides = overrides;
        this.previews = previews;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", overrides.all().stream().map(previews::view).toList());
        return LIST_VIEW;
    }

    @GetMapping("/{key}")
    String edit(@PathVariable String key, Model model) {
        TemplateState state = state(key);
        Map<String, String> texts = new LinkedHashMap<>();
        for (TemplateField field : TemplateField.of(state.file())) {
            TemplateText text = field.in(state.current());
            texts.put(field.name(), text == null ? "" : text.source());
        }
        return editView(state, texts, state.version(), Map.of(), null, model);
    }

    @PostMapping("/{key}")
    String save(@PathVariable String key, @RequestParam(defaultValue = "0") int basedOn, @RequestParam Map<String, String> params,
            Principal admin, Model model, RedirectAttributes redirect) {
        TemplateState state = state(key);
        Map<TemplateField, String> texts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (TemplateField field : TemplateField.of(state.file())) {
            String text = params.get(field.name());
            if (text != null) {
                texts.put(field, text);
            }
            shown.put(field.name(), text == null ? "" : text);
        }
        try {
            TemplateVersion saved = overrides.save(key, basedOn, texts, admin.getName());
            redirect.addFlashAttribute("notice", "notifications.templates.saved");
            redirect.addFlashAttribute("noticeVersion", saved.version());
            return "redirect:/admin/notifications/templates/" + key;
        }
        catch (InvalidTemplateTextException e) {
            Map<String, List<TextProblem>> errors = new LinkedHashMap<>();
            for (TextProblem problem : e.problems()) {
                errors.computeIfAbsent(problem.field() == null ? "" : problem.field().name(), f -> new ArrayList<>()).add(problem);
            }
            return editView(state, shown, basedOn, errors, null, model);
        }
        catch (StaleTemplateVersionException e) {
            return editView(state, shown, basedOn, Map.of(), e.newest(), model);
        }
    }

    @PostMapping("/{key}/revert")
    String revert(@PathVariable String key, @RequestParam(defaultValue = "0") int basedOn, Principal admin, Model model,
            RedirectAttributes redirect) {
        TemplateState state = state(key);
        try {
            TemplateVersion reverted = overrides.revert(key, basedOn, admin.getName());
            redirect.addFlashAttribute("notice", "notifications.templates.reverted");
            redirect.addFlashAttribute("noticeVersion", reverted.version());
            return "redirect:/admin/notifications/templates/" + key;
        }
        catch (StaleTemplateVersionException e) {
            return edit(key, model.addAttribute("stale", e.newest()));
        }
    }

    private String editView(TemplateState state, Map<String, String> texts, int basedOn, Map<String, List<TextProblem>> errors,
            @Nullable TemplateVersion stale, Model model) {
        model.addAttribute("t", previews.view(state));
        model.addAttribute("fields", TemplateField.of(state.file()));
        model.addAttribute("texts", texts);
        model.addAttribute("basedOn", basedOn);
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", errors.values().stream().mapToInt(List::size).sum());
        if (stale != null) {
            model.addAttribute("stale", stale);
        }
        model.addAttribute("versions", overrides.versions(state.key()));
        model.addAttribute("maxSms", TemplateOverrideRules.MAX_SMS);
        return EDIT_VIEW;
    }

    private TemplateState state(String key) {
        return overrides.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message template " + key));
    }
}
