package org.hall24.cabinet.web;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hall24.cabinet.internal.CabinetDesk;
import org.hall24.cabinet.internal.CabinetStaff;
import org.hall24.cabinet.internal.CabinetStaff.CodeSent;
import org.hall24.cabinet.internal.CabinetStaff.NotYoursException;
import org.hall24.cabinet.internal.CabinetStaff.SignIn;
import org.hall24.cabinet.internal.CabinetStaff.SignInLocked;
import org.hall24.cabinet.internal.CabinetStaff.SignInRefused;
import org.hall24.cabinet.internal.CabinetStaff.SignedIn;
import org.hall24.cabinet.internal.CabinetStaff.StaffAtCabinet;
import org.hall24.cabinet.internal.DoorCycles.DoorBusyException;
import org.hall24.cabinet.internal.PickupDesk;
import org.hall24.cabinet.web.CabinetScreenWebConfiguration.CabinetNotPairedException;
import org.hall24.cabinet.web.CabinetScreenWebConfiguration.PairedCabinet;
import org.hall24.hall.Halls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The smart file cabinet's own screen ({@code /cabinet}), touch-first and in big type: "scan your
 * receipt's QR code or enter its code". A code typed on the keypad and a QR read by the cabinet's
 * scanner (over MQTT, {@code code-scanned}) are handled alike; the screen polls {@code /cabinet/status}
 * each second for what the door is doing (state in PostgreSQL, so any node answers). Staff sign in at
 * {@code /cabinet/staff} (password, then an SMS code) to collect their departments' deposits.
 */
@Controller
class CabinetScreenController {

    static final String STAFF_COOKIE = "HALL24_CABINET_STAFF";

    private final CabinetDesk desk;
    private final CabinetStaff staff;
    private final Halls halls;
    private final PickupDesk pickups;

    CabinetScreenController(CabinetDesk desk, CabinetStaff staff, Halls halls, PickupDesk pickups) {
        this.pickups = pickups;
        this.desk = desk;
        this.staff = staff;
        this.halls = halls;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model, Locale locale) {
        if (request.getAttribute(CabinetScreenWebConfiguration.PAIRED) instanceof PairedCabinet cabinet) {
            model.addAttribute("cabinet", cabinet);
            model.addAttribute("hallName", halls.hall(cabinet.hallCode()).map(h -> h.name().in(locale)).orElse(cabinet.hallCode()));
            model.addAttribute("cabinetName", halls.device(cabinet.cabinetCode()).map(d -> d.name().in(locale)).orElse(cabinet.cabinetCode()));
        }
    }

    // ---- citizens

    @GetMapping("/cabinet")
    String home(PairedCabinet cabinet, Model model) {
        model.addAttribute("view", desk.view(cabinet.cabinetCode()));
        return "cabinet/home";
    }

    @GetMapping("/cabinet/status")
    String status(PairedCabinet cabinet, Model model) {
        model.addAttribute("view", desk.view(cabinet.cabinetCode()));
        return "cabinet/home :: status";
    }

    @PostMapping("/cabinet/code")
    String code(PairedCabinet cabinet, @RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        String digits = code.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{8}")) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("codeError", "cabinet.code.error.format");
            model.addAttribute("view", desk.view(cabinet.cabinetCode()));
            return "cabinet/home";
        }
        desk.present(cabinet.cabinetCode(), digits, "keypad");
        return "redirect:/cabinet";
    }

    /** The pickup's second factor: the last six characters of the ID number (digits, the last may be X). */
    @PostMapping("/cabinet/pickup/identity")
    String identity(PairedCabinet cabinet, @RequestParam(defaultValue = "") String lastSix, Model model, HttpServletResponse response) {
        String answer = lastSix.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!answer.matches("\\d{5}[\\dX]")) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("identityError", "cabinet.identity.error.format");
            model.addAttribute("view", desk.view(cabinet.cabinetCode()));
            return "cabinet/home";
        }
        pickups.confirm(cabinet.cabinetCode(), answer, "keypad");
        return "redirect:/cabinet";
    }

    @PostMapping("/cabinet/done")
    String done(PairedCabinet cabinet) {
        desk.clear(cabinet.cabinetCode());
        return "redirect:/cabinet";
    }

    // ---- staff

    @GetMapping("/cabinet/staff")
    String signInForm(PairedCabinet cabinet, HttpServletRequest request) {
        return signedIn(cabinet, request).isPresent() ? "redirect:/cabinet/staff/deposits" : "cabinet/staff-sign-in";
    }

    @PostMapping("/cabinet/staff/password")
    String password(PairedCabinet cabinet, @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (username.isBlank() || password.isEmpty()) {
            return refused(response, model, "cabinet.staff.error.MISSING", HttpStatus.UNPROCESSABLE_CONTENT, "cabinet/staff-sign-in");
        }
        SignIn step = staff.checkPassword(cabinet.cabinetCode(), username, password, request.getRemoteAddr());
        model.addAttribute("username", username.strip());
        if (step instanceof CodeSent sent) {
            model.addAttribute("attempt", sent.attempt());
            model.addAttribute("maskedPhone", sent.maskedPhone());
            return "cabinet/staff-code";
        }
        if (step instanceof SignInLocked locked) {
            model.addAttribute("lockedMinutes", locked.minutes());
            return refused(response, model, "cabinet.staff.error.LOCKED", HttpStatus.TOO_MANY_REQUESTS, "cabinet/staff-sign-in");
        }
        String reason = step instanceof SignInRefused no ? no.reason() : "WRONG";
        return refused(response, model, "cabinet.staff.error." + reason, HttpStatus.UNPROCESSABLE_CONTENT, "cabinet/staff-sign-in");
    }

    @PostMapping("/cabinet/staff/code")
    String staffCode(PairedCabinet cabinet, @RequestParam UUID attempt, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String maskedPhone, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignIn step = staff.checkCode(cabinet.cabinetCode(), attempt, code);
        if (step instanceof SignedIn in) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(STAFF_COOKIE, in.token()).httpOnly(true).sameSite("Strict")
                    .secure(request.isSecure()).path("/cabinet").build().toString());
            return "redirect:/cabinet/staff/deposits";
        }
        String reason = step instanceof SignInRefused no ? no.reason() : "CODE_EXPIRED";
        if (reason.equals("CODE_WRONG")) {
            model.addAttribute("attempt", attempt);
            model.addAttribute("maskedPhone", maskedPhone);
            return refused(response, model, "cabinet.staff.error.CODE_WRONG", HttpStatus.UNPROCESSABLE_CONTENT, "cabinet/staff-code");
        }
        return refused(response, model, "cabinet.staff.error." + reason, HttpStatus.UNPROCESSABLE_CONTENT, "cabinet/staff-sign-in");
    }

    @GetMapping("/cabinet/staff/deposits")
    String deposits(PairedCabinet cabinet, HttpServletRequest request, Model model) {
        Optional<StaffAtCabinet> member = signedIn(cabinet, request);
        if (member.isEmpty()) {
            return "redirect:/cabinet/staff";
        }
        model.addAttribute("staff", member.get());
        model.addAttribute("waiting", staff.waiting(cabinet.cabinetCode(), member.get()));
        model.addAttribute("toPlace", pickups.toPlace(cabinet.cabinetCode(), member.get()));
        model.addAttribute("toReturn", pickups.toReturn(cabinet.cabinetCode(), member.get()));
        model.addAttribute("view", desk.view(cabinet.cabinetCode()));
        return "cabinet/deposits";
    }

    @PostMapping("/cabinet/staff/collect")
    String collect(PairedCabinet cabinet, @RequestParam String compartment, HttpServletRequest request, RedirectAttributes redirect) {
        Optional<StaffAtCabinet> member = signedIn(cabinet, request);
        if (member.isEmpty()) {
            return "redirect:/cabinet/staff";
        }
        try {
            staff.collect(cabinet.cabinetCode(), member.get(), compartment);
        }
        catch (NotYoursException e) {
            redirect.addFlashAttribute("collectError", "cabinet.collect.error.not-yours");
        }
        catch (DoorBusyException e) {
            redirect.addFlashAttribute("collectError", "cabinet.collect.error.busy");
        }
        return "redirect:/cabinet/staff/deposits";
    }

    /** Opens a compartment held for a result, for the staff member to put it in. */
    @PostMapping("/cabinet/staff/place")
    String place(PairedCabinet cabinet, @RequestParam String compartment, HttpServletRequest request, RedirectAttributes redirect) {
        return staffDoor(cabinet, request, redirect, member -> pickups.place(cabinet.cabinetCode(), member, compartment));
    }

    /** Opens a compartment whose result goes back to the counter, for the staff member to take it out. */
    @PostMapping("/cabinet/staff/return")
    String takeBack(PairedCabinet cabinet, @RequestParam String compartment, HttpServletRequest request, RedirectAttributes redirect) {
        return staffDoor(cabinet, request, redirect, member -> pickups.takeBack(cabinet.cabinetCode(), member, compartment));
    }

    private String staffDoor(PairedCabinet cabinet, HttpServletRequest request, RedirectAttributes redirect,
            java.util.function.Consumer<StaffAtCabinet> open) {
        Optional<StaffAtCabinet> member = signedIn(cabinet, request);
        if (member.isEmpty()) {
            return "redirect:/cabinet/staff";
        }
        try {
            open.accept(member.get());
        }
        catch (NotYoursException e) {
            redirect.addFlashAttribute("collectError", "cabinet.collect.error.not-yours");
        }
        catch (DoorBusyException e) {
            redirect.addFlashAttribute("collectError", "cabinet.collect.error.busy");
        }
        return "redirect:/cabinet/staff/deposits";
    }

    @PostMapping("/cabinet/staff/sign-out")
    String signOut(PairedCabinet cabinet, HttpServletRequest request, HttpServletResponse response) {
        staff.signOut(cabinet.cabinetCode(), CabinetScreenWebConfiguration.cookie(request, STAFF_COOKIE).orElse(null));
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(STAFF_COOKIE, "").httpOnly(true).sameSite("Strict")
                .secure(request.isSecure()).path("/cabinet").maxAge(0).build().toString());
        return "redirect:/cabinet";
    }

    private Optional<StaffAtCabinet> signedIn(PairedCabinet cabinet, HttpServletRequest request) {
        return staff.signedIn(cabinet.cabinetCode(), CabinetScreenWebConfiguration.cookie(request, STAFF_COOKIE).orElse(null));
    }

    private static String refused(HttpServletResponse response, Model model, String error, HttpStatus status, String view) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return view;
    }

    @ExceptionHandler
    ModelAndView notPaired(CabinetNotPairedException e) {
        ModelAndView page = new ModelAndView("cabinet/unpaired");
        page.setStatus(HttpStatus.FORBIDDEN);
        return page;
    }
}
