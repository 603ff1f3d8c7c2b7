package org.hall24.simulator.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hall24.simulator.SimulatedMailServer;
import org.hall24.simulator.internal.SimulatedMailServerRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The simulated mail server's mailboxes: every address that received mail, with its mails newest
 * first, as a mail client would show them (sender, subject, text). The demo operator reads the
 * staff's night digests here; nothing reached a real mailbox.
 */
@Controller
@RequestMapping("/admin/simulator/mailboxes")
class AdminSimulatorMailboxesController {

    static final String VIEW = "admin/simulator/mailboxes";

    private final ObjectProvider<SimulatedMailServerRunner> runner;

    AdminSimulatorMailboxesController(ObjectProvider<SimulatedMailServerRunner> runner) {
        this.runner = runner;
    }

    private Optional<SimulatedMailServer> server() {
        return Optional.ofNullable(runner.getIfAvailable()).map(SimulatedMailServerRunner::server)
                .filter(SimulatedMailServer::isRunning);
    }

    @GetMapping
    String mailboxes(Model model) {
        Optional<SimulatedMailServer> server = server();
        Map<String, List<SimulatedMailServer.ReceivedMail>> boxes = server.map(SimulatedMailServer::mailboxes).orElse(Map.of());
        model.addAttribute("running", server.isPresent());
        model.addAttribute("port", server.map(s -> Integer.toString(s.port())).orElse(""));
        model.addAttribute("mailboxes", boxes);
        model.addAttribute("mailCount", server.map(s -> s.mails().size()).orElse(0));
        return VIEW;
    }

    /** Empties every mailbox (the demo starts afresh). */
    @PostMapping("/clear")
    String clear(RedirectAttributes redirect) {
        server().ifPresent(SimulatedMailServer::clear);
        redirect.addFlashAttribute("cleared", true);
        return "redirect:/admin/simulator/mailboxes";
    }
}
