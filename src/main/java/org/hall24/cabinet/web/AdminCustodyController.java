package org.hall24.cabinet.web;

import java.security.Principal;
import java.time.Duration;
import java.util.List;

import org.hall24.cabinet.ChainCheck;
import org.hall24.cabinet.Envelope;
import org.hall24.cabinet.internal.CustodyVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' view of the chain of custody ({@code /admin/custody}, ADMIN role like all of
 * {@code /admin/**}): the last verification run — scheduled or asked for here, on whichever node —
 * and the chains it found broken, and a button that verifies every chain now
 * ({@link CustodyVerifier#verifyNow}, which records the run as the last one). What is shown comes from
 * the tables the verifier writes, so every node shows the same.
 */
@Controller
@RequestMapping("/admin/custody")
class AdminCustodyController {

    static final String VIEW = "admin/custody/index";

    /** A broken chain as the page lists it: which envelope of which filing, from which entry on, why. */
    record BrokenChain(Envelope envelope, int entries, int brokenAt, String problem) {
    }

    private final CustodyVerifier verifier;
    private final Duration period;

    AdminCustodyController(CustodyVerifier verifier, @Value("${hall24.cabinet.custody-verify:1h}") Duration period) {
        this.verifier = verifier;
        this.period = period;
    }

    @GetMapping
    String page(Model model) {
        List<BrokenChain> broken = verifier.lastChecks().stream().filter(c -> !c.intact()).map(AdminCustodyController::broken).toList();
        model.addAttribute("lastRun", verifier.lastRun().orElse(null));
        model.addAttribute("broken", broken);
        model.addAttribute("periodMinutes", Math.max(1, period.toMinutes()));
        return VIEW;
    }

    @PostMapping("/verify")
    String verifyNow(Principal principal, RedirectAttributes redirect) {
        verifier.verifyNow("staff:" + principal.getName());
        redirect.addFlashAttribute("verified", true);
        return "redirect:/admin/custody";
    }

    private static BrokenChain broken(ChainCheck check) {
        return new BrokenChain(Envelope.parse(check.envelope()), check.entries(), check.brokenAt() == null ? 0 : check.brokenAt(),
                check.problem() == null ? "" : check.problem());
    }
}
