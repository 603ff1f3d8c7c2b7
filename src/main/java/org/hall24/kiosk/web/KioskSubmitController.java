package org.hall24.kiosk.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.DraftNotFoundException;
import org.hall24.applications.DraftNotReadyException;
import org.hall24.applications.FieldKind;
import org.hall24.applications.Filing;
import org.hall24.applications.FormField;
import org.hall24.cabinet.CabinetDeposits;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.Material;
import org.hall24.catalog.ServiceItem;
import org.hall24.hall.Halls;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.PhoneCheck;
import org.hall24.kiosk.KioskPrint;
import org.hall24.kiosk.KioskPrints;
import org.hall24.kiosk.PairedKiosk;
import org.hall24.notifications.VerificationCodes;
import org.hall24.platform.NotFoundException;
import org.hall24.platform.pdf.QrCodes;
import org.hall24.shared.Masking;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The end of a journey at a kiosk: the phone check by SMS code, the review, the (idempotent)
 * submission, the receipt printed on this kiosk's printer, and the next steps. Only filings this
 * session submitted can be seen or reprinted here.
 * <p>
 * The receipt is printed after the response ({@link KioskPrints}, a reaction to the filing): the
 * receipt screen says 正在打印 and its {@code #print-status} is reloaded when the print ends. A reprint
 * carries the key rendered with its button, so two taps make one print.
 */
@Controller
@RequestMapping("/kiosk")
class KioskSubmitController {

    private final Applications applications;
    private final KioskSessions sessions;
    private final KioskFilings state;
    private final KioskJourneyController journey;
    private final Catalog catalog;
    private final KioskPrints prints;
    private final CabinetDeposits deposits;
    private final Halls halls;

    KioskSubmitController(Applications applications, KioskSessions sessions, KioskFilings state,
            KioskJourneyController journey, Catalog catalog, KioskPrints prints, CabinetDeposits deposits, Halls halls) {
        this.deposits = deposits;
        this.halls = halls;
        this.catalog = catalog;
        this.prints = prints;
        this.applications = applications;
        this.sessions = sessions;
        this.state = state;
        this.journey = journey;
    }

    // --- phone -----------------------------------------------------------------------------------

    @GetMapping("/drafts/{id}/phone")
    String phone(@VerifiedSession KioskSession session, @PathVariable UUID id, Model model) {
        Draft draft = journey.draftOf(session, id);
        Optional<MobileNumber> phone = journey.phoneOf(draft);
        if (phone.isEmpty()) {
            return "redirect:/kiosk/drafts/" + id + "/review";
        }
        model.addAttribute("step", "review");
        model.addAttribute("draft", draft);
        model.addAttribute("item", draft.item());
        model.addAttribute("phone", phone.get().masked());
        return "kiosk/phone";
    }

    @PostMapping("/drafts/{id}/phone/send")
    String sendCode(@VerifiedSession KioskSession session, @PathVariable UUID id, Locale locale, Model model) {
        Draft draft = journey.draftOf(session, id);
        Optional<MobileNumber> phone = journey.phoneOf(draft);
        if (phone.isEmpty()) {
            return "redirect:/kiosk/drafts/" + id + "/form";
        }
        model.addAttribute("sent", true);
        try {
            sessions.sendPhoneCode(session.id(), phone.get(), locale);
        } catch (VerificationCodes.TooManyCodesException tooMany) {
            model.addAttribute("retryAfter", Math.max(1, tooMany.retryAfter().toSeconds()));
        }
        return phone(session, id, model);
    }

    @PostMapping("/drafts/{id}/phone/verify")
    String verifyCode(@VerifiedSession KioskSession session, @PathVariable UUID id, @RequestParam String code, Model model) {
        Draft draft = journey.draftOf(session, id);
        PhoneCheck check = sessions.verifyPhone(session.id(), code.strip());
        Optional<MobileNumber> verified = sessions.find(session.id()).map(KioskSession::verifiedPhone);
        if (check == PhoneCheck.VERIFIED && verified.isPresent() && verified.equals(journey.phoneOf(draft))) {
            applications.verifiedPhone(id, verified.get());
            return "redirect:/kiosk/drafts/" + id + "/review";
        }
        model.addAttribute("sent", true);
        model.addAttribute("codeError", check == PhoneCheck.VERIFIED ? PhoneCheck.EXPIRED.name() : check.name());
        return phone(session, id, model);
    }

    // --- review and submit -----------------------------------------------------------------------

    /** A form value as the review shows it. */
    record ReviewRow(String label, String value) {
    }

    @GetMapping("/drafts/{id}/review")
    String review(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable UUID id, Locale locale, Model model) {
        Draft draft = journey.draftOf(session, id);
        if (!draft.ready()) {
            return "redirect:/kiosk/drafts/" + id + (draft.formComplete() ? "/materials" : "/form");
        }
        String phoneCheck = journey.afterMaterials(draft);
        if (!phoneCheck.equals("/review")) {
            return "redirect:/kiosk/drafts/" + id + phoneCheck;
        }
        ServiceItem item = draft.item();
        model.addAttribute("step", "review");
        model.addAttribute("draft", draft);
        model.addAttribute("item", item);
        model.addAttribute("instant", item.handlingType() == HandlingType.INSTANT);
        model.addAttribute("rows", item.hasForm() ? rows(draft, locale) : List.of());
        model.addAttribute("applicant", draft.applicant());
        if (item.paperDeposit()) {
            // Said before the citizen submits: where their papers will go.
            model.addAttribute("cabinet", cabinetView(deposits.availability(kiosk.hallCode()), locale));
        }
        return "kiosk/review";
    }

    private List<ReviewRow> rows(Draft draft, Locale locale) {
        List<ReviewRow> rows = new ArrayList<>();
        for (FormField field : applications.definition(draft.item(), locale).allFields()) {
            addRows(field, draft, rows);
        }
        return rows;
    }

    private static void addRows(FormField field, Draft draft, List<ReviewRow> rows) {
        if (field.kind() == FieldKind.GROUP) {
            field.fields().forEach(f -> addRows(f, draft, rows));
            return;
        }
        if (field.kind() == FieldKind.REPEAT) {
            for (int row = 0; draft.submitted().keySet().stream().anyMatch(k -> k.startsWith(field.name() + "[")); row++) {
                final int r = row;
                if (draft.submitted().keySet().stream().noneMatch(k -> k.startsWith(field.name() + "[" + r + "]"))) {
                    break;
                }
                for (FormField f : field.rowFields(row)) {
                    addRows(new FormField(f.name(), field.label() + " " + (row + 1) + " · " + f.label(), f.kind(), f.required(),
                            f.maxLength(), f.format(), f.keyboard(), f.prefill(), f.options(), f.minItems(), f.maxItems(),
                            f.fields()), draft, rows);
                }
            }
            return;
        }
        String value = draft.submitted().get(field.name());
        if (value == null || value.isBlank()) {
            return;
        }
        String shown = switch (field.format() == null ? "" : field.format()) {
            case "id-number" -> Masking.idNumber(value);
            default -> field.options().stream().filter(o -> o.value().equals(value)).map(FormField.Option::label)
                    .findFirst().orElse(value);
        };
        rows.add(new ReviewRow(field.label(), shown));
    }

    @PostMapping("/drafts/{id}/submit")
    String submit(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable UUID id) {
        Optional<Draft> draft = applications.draft(id).filter(d -> d.sessionKey().equals(session.id().toString()));
        if (draft.isEmpty()) {
            // A second tap after the first one consumed the draft: this session's filing of that draft.
            return state.filingOfDraft(session.id(), id).map(f -> "redirect:/kiosk/filings/" + f.number())
                    .orElseThrow(() -> new NotFoundException("no draft " + id + " in this session"));
        }
        // The key is the draft's: a double tap, or a retry after a lost answer, finds the one filing.
        Filing filing;
        try {
            filing = applications.submit(id, "kiosk-draft:" + id, kiosk.hallCode(), "kiosk:" + kiosk.deviceCode());
        } catch (DraftNotFoundException gone) {
            return state.filingOfDraft(session.id(), id).map(f -> "redirect:/kiosk/filings/" + f.number())
                    .orElseThrow(() -> new NotFoundException("no draft " + id + " in this session"));
        } catch (DraftNotReadyException notReady) {
            return "redirect:/kiosk/drafts/" + id + "/review";
        }
        // The receipt's print was asked for with the filing (KioskPrints reacts to FilingSubmitted).
        state.submitted(session.id(), id, filing);
        return "redirect:/kiosk/filings/" + filing.number();
    }

    // --- receipt and next steps ------------------------------------------------------------------

    @GetMapping("/filings/{number}")
    String receipt(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable String number,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Locale locale, Model model) {
        Filing filing = owned(session, number);
        model.addAttribute("step", "receipt");
        model.addAttribute("filing", filing);
        model.addAttribute("print", prints.last(KioskPrints.receiptOf(number)).orElse(null));
        model.addAttribute("printKey", UUID.randomUUID());
        if (htmx != null) {
            return "kiosk/receipt :: print-status";
        }
        ServiceItem item = catalog.item(filing.itemCode(), filing.itemVersion()).orElseThrow();
        model.addAttribute("item", item);
        model.addAttribute("trackQr", QrCodes.dataUri(applications.trackUrl(number), 240));
        if (item.paperDeposit()) {
            Optional<CabinetDeposits.Ready> token = deposits.tokenOf(number);
            if (token.isPresent()) {
                CabinetDeposits.Ready ready = token.get();
                model.addAttribute("deposit", new DepositView(cabinetName(ready.cabinetCode(), locale), ready.compartment(),
                        ready.token().shortCode().substring(0, 4) + " " + ready.token().shortCode().substring(4),
                        QrCodes.dataUri(ready.token().qr(), 280), ready.token().expiresAt(),
                        item.materials().stream().filter(m -> m.medium() == Material.Medium.PAPER).map(m -> m.name().in(locale)).toList()));
            } else {
                model.addAttribute("deposited", deposits.depositOf(number).orElse(null));
                model.addAttribute("cabinet", cabinetView(deposits.availability(kiosk.hallCode()), locale));
            }
        }
        return "kiosk/receipt";
    }

    /** Another copy; the key comes with the button, so a second tap of the same button prints nothing more. */
    @PostMapping("/filings/{number}/reprint")
    String reprint(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable String number,
            @RequestParam UUID key, Locale locale) {
        owned(session, number);
        boolean underWay = prints.last(KioskPrints.receiptOf(number)).map(KioskPrint::open).orElse(false);
        if (!underWay) {
            prints.receipt("reprint:" + key, kiosk.deviceCode(), number, locale);
        }
        return "redirect:/kiosk/filings/" + number;
    }

    @GetMapping(path = "/filings/{number}/receipt.pdf")
    ResponseEntity<byte[]> receiptPdf(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable String number,
            Locale locale) {
        owned(session, number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=receipt-" + number + ".pdf")
                .body(applications.receipt(number, locale, "kiosk:" + kiosk.deviceCode()));
    }

    /** The deposit token as the receipt screen shows it (the short code in two groups of four). */
    record DepositView(String cabinet, String compartment, String shortCode, String qr, Instant expiresAt, List<String> paper) {
    }

    /**
     * The hall's cabinet as the review and receipt screens tell it.
     *
     * @param state AVAILABLE, FULL, OFFLINE or NONE
     * @param nextFreeAt when FULL, when the earliest reservation ends, if any
     */
    record CabinetView(String state, String name, @Nullable Instant nextFreeAt) {
    }

    private CabinetView cabinetView(CabinetDeposits.Availability availability, Locale locale) {
        if (availability instanceof CabinetDeposits.Available a) {
            return new CabinetView("AVAILABLE", cabinetName(a.cabinetCode(), locale), null);
        }
        if (availability instanceof CabinetDeposits.Full f) {
            return new CabinetView("FULL", cabinetName(f.cabinetCode(), locale), f.nextFreeAt());
        }
        if (availability instanceof CabinetDeposits.Offline o) {
            return new CabinetView("OFFLINE", cabinetName(o.cabinetCode(), locale), null);
        }
        return new CabinetView("NONE", "", null);
    }

    private String cabinetName(String code, Locale locale) {
        return halls.device(code).map(d -> d.name().in(locale)).orElse(code);
    }

    private Filing owned(KioskSession session, String number) {
        if (!state.owns(session.id(), number)) {
            throw new NotFoundException("filing " + number + " was not submitted in this session");
        }
        return state.filing(session.id(), number).orElseThrow();
    }
}
