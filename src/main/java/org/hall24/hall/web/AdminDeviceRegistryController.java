package org.hall24.hall.web;

import java.security.Principal;
import java.util.Arrays;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.UnknownDeviceException;
import org.hall24.hall.Halls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The device registry for the hall operator: every registered device with the state of its
 * credential, a form to register one, and rotate / revoke. A new credential is rendered in the
 * answer to the POST that issued it (never redirected through the session, never cached) and
 * cannot be shown again.
 * <p>
 * It lives in the hall module, not in the device module, because registering a device means
 * placing it: the hall must exist, the zone must be one of that hall's, and the position must lie
 * in that zone — which only the hall module knows (the device module may not depend on it); see
 * {@link DeviceRegistrations}, which {@code /api/v1/admin/devices} shares.
 */
@Controller
@RequestMapping("/admin/devices/registry")
class AdminDeviceRegistryController {

    static final String VIEW = "admin/devices/registry";
    static final String FORM = "deviceForm";
    private static final String CODE = "{code:[A-Z0-9]+(?:-[A-Z0-9]+)*}";

    private final DeviceRegistry registry;
    private final DeviceRegistrations registrations;
    private final Halls halls;

    AdminDeviceRegistryController(DeviceRegistry registry, DeviceRegistrations registrations, Halls halls) {
        this.registry = registry;
        this.registrations = registrations;
        this.halls = halls;
    }


    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, new DeviceRegistrationForm());
        return view(model);
    }

    @PostMapping
    String register(@ModelAttribute(FORM) DeviceRegistrationForm form, BindingResult binding, Principal principal,
            Model model, HttpServletResponse response) {
        BindingResult errors = new BeanPropertyBindingResult(form, FORM);
        for (FieldError error : binding.getFieldErrors()) {
            errors.rejectValue(error.getField(), "device.violation.invalid");
        }
        RegisterDevice device = form.toRegisterDevice();
        if (!errors.hasFieldErrors("type") && device.type() == null) {
            errors.rejectValue("type", "device.violation.required");
        }
        if (!errors.hasFieldErrors("x") && form.getX() == null) {
            errors.rejectValue("x", "device.violation.required");
        }
        if (!errors.hasFieldErrors("y") && form.getY() == null) {
            errors.rejectValue("y", "device.violation.required");
        }
        report(errors, registrations.check(device));
        if (!errors.hasErrors()) {
            try {
                IssuedCredential credential = registrations.register(device, principal.getName());
                model.addAttribute(FORM, new DeviceRegistrationForm());
                return issued(credential, "admin.devices.notice.registered", model, response);
            }
            catch (DeviceRegistrations.Refused e) {
                report(errors, e.violations());
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        return view(model);
    }

    @PostMapping("/" + CODE + "/rotate")
    String rotate(@PathVariable String code, Principal principal, Model model, HttpServletResponse response) {
        try {
            IssuedCredential credential = registry.rotate(code, principal.getName());
            model.addAttribute(FORM, new DeviceRegistrationForm());
            return issued(credential, "admin.devices.notice.rotated", model, response);
        }
        catch (UnknownDeviceException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/" + CODE + "/revoke")
    String revoke(@PathVariable String code, Principal principal, Model model) {
        try {
            registry.revoke(code, principal.getName());
        }
        catch (UnknownDeviceException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute(FORM, new DeviceRegistrationForm());
        model.addAttribute("notice", "admin.devices.notice.revoked");
        model.addAttribute("noticeCode", code);
        return view(model);
    }

    private String issued(IssuedCredential credential, String notice, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("credential", credential);
        model.addAttribute("notice", notice);
        model.addAttribute("noticeCode", credential.deviceCode());
        return view(model);
    }

    private static void report(BindingResult binding, Iterable<DeviceRegistrations.Violation> violations) {
        for (DeviceRegistrations.Violation v : violations) {
            if (!binding.hasFieldErrors(v.field())) {
                binding.rejectValue(v.field(), v.messageKey(), v.args(), null);
            }
        }
    }

    private String view(Model model) {
        model.addAttribute("devices", registry.all());
        model.addAttribute("halls", halls.all());
        // A file cabinet's compartments come from its hall file, so it is placed there, not here.
        model.addAttribute("deviceTypes", Arrays.stream(DeviceType.values()).filter(t -> t != DeviceType.FILE_CABINET).toList());
        return VIEW;
    }
}
