package org.hall24.catalog.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.Category;
import org.hall24.catalog.DeliveryMethod;
import org.hall24.catalog.Department;
import org.hall24.catalog.FieldViolation;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.InvalidServiceItemException;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.Material;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.catalog.StaleItemVersionException;
import org.hall24.device.DeviceType;
import org.hall24.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The hall operator's catalog: list and search every item (retired ones on request), create
 * items, publish edits as new versions, retire and reinstate. A form with any problem is shown
 * again with each message beside its field, and nothing is saved.
 */
@Controller
@RequestMapping("/admin/catalog")
class AdminCatalogController {

    static final String LIST_VIEW = "admin/catalog/list";
    static final String EDIT_VIEW = "admin/catalog/edit";
    static final String FORM = "itemForm";
    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 100_000;
    private static final String CODE = "{code:[A-Z]{2,4}-\\d{4}}";

    private final Catalog catalog;
    private final JsonMapper json;

    AdminCatalogController(Catalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }


    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String retired, @RequestParam(defaultValue = "0") String page,
            Model model) {
        Scope scopeFilter = parseScope(scope);
        boolean includeRetired = "true".equals(retired) || "on".equals(retired);
        ItemPage items = catalog.search(new ItemQuery(q.isBlank() ? null : q.strip(),
                category.isBlank() ? null : category, department.isBlank() ? null : department, scopeFilter,
                Set.of(), includeRetired, parsePage(page), PAGE_SIZE));
        model.addAttribute("items", items);
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("department", department);
        model.addAttribute("scope", scopeFilter == null ? "" : scopeFilter.name());
        model.addAttribute("retired", includeRetired);
        model.addAttribute("categoryNames", catalog.categories().stream()
                .collect(Collectors.toMap(Category::code, Function.identity())));
        model.addAttribute("departmentNames", catalog.departments().stream()
                .collect(Collectors.toMap(Department::code, Function.identity())));
        addChoices(model);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newItem(Model model) {
        model.addAttribute(FORM, ServiceItemForm.blank());
        return newView(model);
    }

    @PostMapping
    String create(@ModelAttribute(FORM) ServiceItemForm form, BindingResult binding, Principal principal, Model model,
            RedirectAttributes redirect) {
        String code = form.normalizedCode();
        form.setCode(code);
        form.setVersion(null);
        BindingResult errors = check(form, code, binding);
        if (!errors.hasErrors()) {
            try {
                ServiceItem saved = catalog.publish(form.toServiceItem(code, json).item(), null, principal.getName());
                return saved(saved, redirect);
            }
            catch (InvalidServiceItemException e) {
                report(errors, form.toServiceItem(code, json), e.violations());
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        form.withBlankRows();
        return newView(model);
    }

    @GetMapping("/" + CODE)
    String edit(@PathVariable String code, Model model) {
        ServiceItem item = current(code);
        model.addAttribute(FORM, ServiceItemForm.from(item));
        return editView(item, model);
    }

    @PostMapping("/" + CODE)
    String update(@PathVariable String code, @ModelAttribute(FORM) ServiceItemForm form, BindingResult binding,
            Principal principal, Model model, RedirectAttributes redirect) {
        ServiceItem current = current(code);
        form.setCode(code);
        BindingResult errors = check(form, code, binding);
        if (!errors.hasErrors() && form.getVersion() == null) {
            errors.reject("admin.catalog.violation.version-missing");
        }
        if (!errors.hasErrors()) {
            try {
                ServiceItem saved = catalog.publish(form.toServiceItem(code, json).item(), form.getVersion(),
                        principal.getName());
                return saved(saved, redirect);
            }
            catch (StaleItemVersionException e) {
                errors.reject("catalog.violation.stale", new Object[] {current.version()}, null);
            }
            catch (InvalidServiceItemException e) {
                report(errors, form.toServiceItem(code, json), e.violations());
            }
            catch (NotFoundException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        form.withBlankRows();
        return editView(current, model);
    }

    @PostMapping("/" + CODE + "/retire")
    String retire(@PathVariable String code, Principal principal, RedirectAttributes redirect) {
        return retired(code, true, principal, redirect);
    }

    @PostMapping("/" + CODE + "/reinstate")
    String reinstate(@PathVariable String code, Principal principal, RedirectAttributes redirect) {
        return retired(code, false, principal, redirect);
    }

    private String retired(String code, boolean retired, Principal principal, RedirectAttributes redirect) {
        current(code);
        ServiceItem item = catalog.setRetired(code, retired, principal.getName());
        redirect.addFlashAttribute("notice", retired ? "admin.catalog.notice.retired" : "admin.catalog.notice.reinstated");
        redirect.addFlashAttribute("noticeVersion", item.version());
        return "redirect:/admin/catalog/" + code;
    }

    private static String saved(ServiceItem saved, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "admin.catalog.notice.saved");
        redirect.addFlashAttribute("noticeVersion", saved.version());
        return "redirect:/admin/catalog/" + saved.code();
    }

    /**
     * Every problem of the form: values that could not be read, what the form lacks, and the
     * catalog's rules; at most one message per field, the first found.
     */
    private BindingResult check(ServiceItemForm form, String code, BindingResult binding) {
        BindingResult errors = readable(binding);
        ServiceItemForm.Conversion conversion = form.toServiceItem(code, json);
        for (FieldViolation v : conversion.violations()) {
            reject(errors, v.field(), v);
        }
        report(errors, conversion, catalog.validate(conversion.item()));
        return errors;
    }

    private static void report(BindingResult errors, ServiceItemForm.Conversion conversion,
            List<FieldViolation> violations) {
        for (FieldViolation v : violations) {
            reject(errors, conversion.formField(v.field()), v);
        }
    }

    private static void reject(BindingResult errors, @Nullable String field, FieldViolation v) {
        Object[] arguments = v.arguments().toArray();
        if (field == null) {
            errors.reject(v.messageKey(), arguments, null);
        }
        else if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, v.messageKey(), arguments, null);
        }
    }

    /**
     * The binding's errors with each unreadable value explained in our words (a whole number, an
     * amount, a choice from the list), keeping what was typed so the form shows it again.
     */
    private static BindingResult readable(BindingResult binding) {
        var result = new BeanPropertyBindingResult(binding.getTarget(), binding.getObjectName());
        for (ObjectError error : binding.getAllErrors()) {
            if (error instanceof FieldError f && f.isBindingFailure() && f.getField().equals("version")) {
                result.reject("admin.catalog.violation.version-missing");
            }
            else if (error instanceof FieldError f && f.isBindingFailure()) {
                String field = f.getField();
                String key = field.endsWith("amountYuan") ? "catalog.violation.amount"
                        : field.endsWith("Days") ? "catalog.violation.number"
                        : "admin.catalog.violation.choice";
                result.addError(new FieldError(f.getObjectName(), field, f.getRejectedValue(), true,
                        new String[] {key}, null, null));
            }
            else {
                result.addError(error);
            }
        }
        return result;
    }

    private ServiceItem current(String code) {
        return catalog.item(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String newView(Model model) {
        model.addAttribute("isNew", true);
        addChoices(model);
        return EDIT_VIEW;
    }

    private String editView(ServiceItem item, Model model) {
        model.addAttribute("isNew", false);
        model.addAttribute("item", item);
        model.addAttribute("history", catalog.history(item.code()));
        addChoices(model);
        return EDIT_VIEW;
    }


    private void addChoices(Model model) {
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("handlingTypes", HandlingType.values());
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("deliveryMethods", DeliveryMethod.values());
        model.addAttribute("materialKinds", Material.Kind.values());
        model.addAttribute("materialMedia", Material.Medium.values());
        model.addAttribute("deviceTypes", Arrays.stream(DeviceType.values()).filter(DeviceType::handlesItems).toList());
    }

    private static @Nullable Scope parseScope(String scope) {
        return Arrays.stream(Scope.values())
                .filter(s -> s.name().equals(scope.strip().toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    private static int parsePage(String page) {
        try {
            return Math.min(MAX_PAGE, Math.max(0, Integer.parseInt(page.strip())));
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
