package org.hall24.hall.web;

import java.security.Principal;
import java.util.Optional;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.InvalidRegistrationException;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.RegistrationViolation;
import org.hall24.device.UnknownDeviceException;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.Zone;
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
 * in that zone — which only the hall module knows (the device module may not depend on it).
 */
@Controller
@RequestMapping("/admin/devices/registry")
class AdminDeviceRegistryController {

    static final String VIEW = "admin/devices/registry";
    static final String FORM = "deviceForm";
    private static final String CODE = "{code:[A-Z0-9]+(?:-[A-Z0-9]+)*}";

    private final DeviceRegistry registry;
    private final Halls halls;

    AdminDeviceRegistryController(DeviceRegistry registry, Halls halls) {
        this.registry = registry;
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
        report(errors, registry.check(device));
        checkPlacement(errors, device);
        if (!errors.hasErrors()) {
            try {
                IssuedCredential credential = registry.register(device, principal.getName());
                model.addAttribute(FORM, new DeviceRegistrationForm());
                return issued(credential, "admin.devices.notice.registered", model, response);
            }
            catch (InvalidRegistrationException e) {
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

    /** The hall exists, the zone is one of its zones, and the position lies in that zone. */
    private void checkPlacement(BindingResult binding, RegisterDevice device) {
        if (binding.hasFieldErrors("hall") || device.hall().isEmpty()) {
            return;
        }
        Optional<Hall> hall = halls.hall(device.hall());
        if (hall.isEmpty()) {
            binding.rejectValue("hall", "device.violation.no-such-hall");
            return;
        }
        if (binding.hasFieldErrors("zone") || device.zone().isEmpty()) {
            return;
        }
        Optional<Zone> zone = hall.get().zone(device.zone());
        if (zone.isEmpty()) {
            binding.rejectValue("zone", "device.violation.no-such-zone");
            return;
        }
        Zone z = zone.get();
        if (!binding.hasFieldErrors("x") && (device.x() < z.x() || device.x() > z.x() + z.width())) {
            binding.rejectValue("x", "device.violation.outside-zone", new Object[] {z.x(), z.x() + z.width()}, null);
        }
        if (!binding.hasFieldErrors("y") && (device.y() < z.y() || device.y() > z.y() + z.depth())) {
            binding.rejectValue("y", "device.violation.outside-zone", new Object[] {z.y(), z.y() + z.depth()}, null);
        }
    }

    private static void report(BindingResult binding, Iterable<RegistrationViolation> violations) {
        for (RegistrationViolation v : violations) {
            if (!binding.hasFieldErrors(v.field())) {
                binding.rejectValue(v.field(), v.messageKey());
            }
        }
    }

    private String view(Model model) {
        model.addAttribute("devices", registry.all());
        model.addAttribute("halls", halls.all());
        model.addAttribute("deviceTypes", DeviceType.values());
        return VIEW;
    }
}
