package org.hall24.applications.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hall24.applications.Applications;
import org.hall24.applications.Filing;
import org.hall24.applications.FilingStatus;
import org.hall24.applications.FilingSummary;
import org.hall24.applications.IllegalTransitionException;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyEntry;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ServiceItem;
import org.hall24.hall.Halls;
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
 * Filings for staff: the newest first (masked), and one filing's detail with its history and the
 * state machine's next steps, and beside the history its envelopes' chain of custody with the result
 * of recomputing it ({@link Custody#verify}). Opening a detail decrypts personal data and is audited.
 */
@Controller
@RequestMapping("/admin/filings")
class AdminFilingsController {

    static final String LIST_VIEW = "admin/filings/list";
    static final String DETAIL_VIEW = "admin/filings/detail";

    private final Applications applications;
    private final Catalog catalog;
    private final Custody custody;
    private final Halls halls;

    AdminFilingsController(Applications applications, Catalog catalog, Custody custody, Halls halls) {
        this.applications = applications;
        this.catalog = catalog;
        this.custody = custody;
        this.halls = halls;
    }

    @GetMapping
    String list(Model model, Locale locale) {
        List<FilingSummary> filings = applications.latest(200);
        Map<String, String> itemNames = new HashMap<>();
        for (FilingSummary f : filings) {
            itemNames.computeIfAbsent(f.itemCode() + "@" + f.itemVersion(), k -> catalog.item(f.itemCode(), f.itemVersion())
                    .map(i -> i.name().in(locale)).orElse(f.itemCode()));
        }
        model.addAttribute("filings", filings);
        model.addAttribute("itemNames", itemNames);
        return LIST_VIEW;
    }

    @GetMapping("/{number}")
    String detail(@PathVariable String number, Principal principal, Model model, Locale locale) {
        Filing filing = applications.filing(number, principal.getName(), "admin-detail")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ServiceItem item = catalog.item(filing.itemCode(), filing.itemVersion()).orElse(null);
        model.addAttribute("filing", filing);
        model.addAttribute("item", item);
        model.addAttribute("history", applications.history(number));
        model.addAttribute("next", filing.status().next(item == null ? org.hall24.catalog.HandlingType.PROMISED : item.handlingType()));
        List<CustodyEntry> chain = custody.chain(number);
        Map<String, String> cabinetNames = new HashMap<>();
        for (CustodyEntry e : chain) {
            String code = e.cabinetCode();
            if (code != null) {
                cabinetNames.computeIfAbsent(code, c -> halls.device(c).map(d -> d.name().in(locale)).orElse(c));
            }
        }
        model.addAttribute("custody", chain);
        model.addAttribute("custodyCheck", custody.verify(number));
        model.addAttribute("cabinetNames", cabinetNames);
        model.addAttribute("formText", MaskedForm.of(filing.form(), item == null ? null : item.form()).toPrettyString());
        return DETAIL_VIEW;
    }

    @PostMapping("/{number}/transition")
    String transition(@PathVariable String number, @RequestParam FilingStatus to, @RequestParam(defaultValue = "") String reason,
            Principal principal, RedirectAttributes redirect) {
        try {
            applications.transition(number, to, principal.getName(), reason.length() > 500 ? reason.substring(0, 500) : reason);
            redirect.addFlashAttribute("done", true);
        }
        catch (IllegalTransitionException e) {
            redirect.addFlashAttribute("refusedFrom", e.from().messageKey());
            redirect.addFlashAttribute("refusedTo", e.to().messageKey());
        }
        return "redirect:/admin/filings/" + number;
    }
}
