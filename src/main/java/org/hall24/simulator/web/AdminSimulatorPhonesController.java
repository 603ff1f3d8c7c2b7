package org.hall24.simulator.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hall24.simulator.PhoneMessage;
import org.hall24.simulator.SimulatedSmsc;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The simulated carrier's phones: every number the simulated SMSC delivered to, each message in
 * full as the phone shows it (the one place the demo reads its SMS codes), newest first, with
 * whether its delivery receipt went back; and the SMSC's fault switches. Admins only, like the
 * rest of {@code /admin/simulator}.
 */
@Controller
@RequestMapping("/admin/simulator/phones")
class AdminSimulatorPhonesController {

    static final String VIEW = "admin/simulator/phones";
    static final List<String> ACTIONS = List.of("down", "up", "slow", "clear");
    /** Longer than the SMPP provider's default response time-out (5 s), so submits time out. */
    static final Duration SLOW = Duration.ofSeconds(8);

    /** A phone and its messages, newest first. */
    record Phone(String number, List<PhoneMessage> messages) {
    }

    private final ObjectProvider<SimulatedSmsc> smsc;

    AdminSimulatorPhonesController(ObjectProvider<SimulatedSmsc> smsc) {
        this.smsc = smsc;
    }

    @GetMapping
    String phones(Model model) {
        Optional<SimulatedSmsc> running = Optional.ofNullable(smsc.getIfAvailable());
        model.addAttribute("running", running.isPresent());
        running.ifPresent(s -> {
            model.addAttribute("port", Integer.toString(s.port()));
            model.addAttribute("up", s.isUp());
            model.addAttribute("slow", !s.answerDelay().isZero());
            model.addAttribute("bound", s.boundSessions());
            model.addAttribute("submits", s.submits());
        });
        model.addAttribute("phones", running.map(s -> s.phones().stream().map(n -> new Phone(n, s.messages(n))).toList())
                .orElse(List.of()));
        return VIEW;
    }

    @PostMapping("/smsc/{action}")
    String act(@PathVariable String action, RedirectAttributes redirect) {
        if (!ACTIONS.contains(action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        SimulatedSmsc s = smsc.getIfAvailable();
        if (s == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        switch (action) {
            case "down" -> s.down();
            case "up" -> s.up();
            case "slow" -> s.answerWithin(SLOW);
            case "clear" -> s.clearFaults();
            default -> throw new IllegalStateException(action);
        }
        redirect.addFlashAttribute("done", action);
        return "redirect:/admin/simulator/phones";
    }
}
