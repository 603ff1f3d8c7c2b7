package org.hall24.notifications.web;

import java.security.Principal;
import java.util.UUID;

import org.hall24.notifications.ContactRole;
import org.hall24.notifications.internal.staff.ContactInput;
import org.hall24.notifications.internal.staff.InvalidContactException;
import org.hall24.notifications.internal.staff.StaffContact;
import org.hall24.notifications.internal.staff.StaffContacts;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff contacts for admins: who is texted about what (collectors and reviewers of a
 * department, a hall's duty operators), their phone and e-mail address (listed masked), and the
 * hours they take SMS. A form with any problem is shown again with each message beside its field,
 * and nothing is saved. Contacts are disabled, never deleted, so their history stays readable.
 */
@Controller
@RequestMapping("/admin/contacts")
class AdminContactsController {

    static final String LIST_VIEW = "admin/notifications/contacts";
    static final String EDIT_VIEW = "admin/notifications/contact";
    static final String FORM = "contactForm";
    private static final String ID = "{id:[0-9a-fA-F-]{36}}";

    private final StaffContacts contacts;
    private final String defaultHall;

    AdminContactsController(StaffContacts contacts, @Value("${hall24.halls.default-hall:JLP-YJP}") String defaultHall) {
        this.contacts = contacts;
        this.defaultHall = defaultHall;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("contacts", contacts.list());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newContact(Model model) {
        model.addAttribute(FORM, ContactForm.blank(defaultHall));
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute(FORM) ContactForm form, BindingResult binding, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            UUID id = contacts.create(form.toInput(), principal.getName());
            redirect.addFlashAttribute("notice", "notifications.contacts.notice.added");
            return "redirect:/admin/contacts/" + id;
        }
        catch (InvalidContactException e) {
            reject(binding, e);
            return form(model, null);
        }
    }

    @GetMapping("/" + ID)
    String edit(@PathVariable UUID id, Model model) {
        StaffContact contact = contacts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute(FORM, ContactForm.from(contact));
        return form(model, contact);
    }

    @PostMapping("/" + ID)
    String update(@PathVariable UUID id, @ModelAttribute(FORM) ContactForm form, BindingResult binding, Principal principal,
            Model model, RedirectAttributes redirect) {
        StaffContact current = contacts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            contacts.update(id, form.toInput(), principal.getName());
            redirect.addFlashAttribute("notice", "notifications.contacts.notice.saved");
            return "redirect:/admin/contacts/" + id;
        }
        catch (InvalidContactException e) {
            reject(binding, e);
            return form(model, current);
        }
    }

    @PostMapping("/" + ID + "/disable")
    String disable(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        return enabled(id, false, principal, redirect);
    }

    @PostMapping("/" + ID + "/enable")
    String enable(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        return enabled(id, true, principal, redirect);
    }

    private String enabled(UUID id, boolean enabled, Principal principal, RedirectAttributes redirect) {
        if (!contacts.setEnabled(id, enabled, principal.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", enabled ? "notifications.contacts.notice.enabled" : "notifications.contacts.notice.disabled");
        return "redirect:/admin/contacts";
    }

    private String form(Model model, @Nullable StaffContact current) {
        model.addAttribute("contact", current == null ? null : contacts.view(current.id()).orElse(null));
        model.addAttribute("isNew", current == null);
        model.addAttribute("roles", ContactRole.values());
        return EDIT_VIEW;
    }

    private static void reject(BindingResult binding, InvalidContactException e) {
        for (ContactInput.Violation v : e.violations()) {
            binding.rejectValue(v.field(), v.messageKey(), v.reason());
        }
    }
}
