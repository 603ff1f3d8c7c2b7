package org.hall24.applications.web;

import java.security.Principal;
import java.util.Locale;

import org.hall24.applications.Applications;
import org.hall24.applications.Filing;
import org.hall24.applications.FilingStatus;
import org.hall24.cabinet.CabinetPickups;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.DeliveryMethod;
import org.hall24.catalog.ServiceItem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handing a decided filing's result to the citizen through the cabinet, from the staff's filing page:
 * reserve a compartment (the result is then placed at the cabinet screen by the department's staff,
 * and the citizen is texted a pickup code). Only for an approved filing whose item offers delivery by
 * cabinet and whose applicant has a phone on record. Reading the applicant's ID number for the
 * pickup's identity check is an audited read.
 */
@Controller
@RequestMapping("/admin/filings")
class AdminFilingResultController {

    private final Applications applications;
    private final Catalog catalog;
    private final CabinetPickups pickups;

    AdminFilingResultController(Applications applications, Catalog catalog, CabinetPickups pickups) {
        this.applications = applications;
        this.catalog = catalog;
        this.pickups = pickups;
    }

    @PostMapping("/{number}/result/cabinet")
    String reserve(@PathVariable String number, Principal principal, RedirectAttributes redirect, Locale locale) {
        Filing filing = applications.filing(number, principal.getName(), "result-to-cabinet")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ServiceItem item = catalog.item(filing.itemCode(), filing.itemVersion()).orElseThrow();
        if (filing.status() != FilingStatus.APPROVED || !item.deliveryMethods().contains(DeliveryMethod.CABINET)
                || filing.applicant().phone() == null) {
            redirect.addFlashAttribute("pickupRefused", "admin.filings.pickup.not-possible");
            return "redirect:/admin/filings/" + number;
        }
        CabinetPickups.Reserved reserved = pickups.reserve(filing.hallCode(), number, item.code(), filing.applicant().phone(),
                filing.applicant().idNumber(), Locale.SIMPLIFIED_CHINESE, "staff:" + principal.getName());
        if (reserved instanceof CabinetPickups.Held held) {
            redirect.addFlashAttribute("pickupHeld", held.compartment());
        }
        else if (reserved instanceof CabinetPickups.AlreadyUnderWay under) {
            redirect.addFlashAttribute("pickupHeld", under.pickup().compartment());
        }
        else {
            redirect.addFlashAttribute("pickupRefused", "admin.filings.pickup.unavailable");
        }
        return "redirect:/admin/filings/" + number;
    }
}
