package org.hall24.kiosk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hall24.applications.Draft;
import org.hall24.catalog.ServiceItem;
import org.hall24.departments.DepartmentGateway;
import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantAnswerPrinter;
import org.hall24.departments.InstantRequest;
import org.hall24.identity.KioskSession;
import org.hall24.kiosk.InstantItemAnswered;
import org.hall24.kiosk.KioskPrint;
import org.hall24.kiosk.KioskPrints;
import org.hall24.kiosk.PairedKiosk;
import org.hall24.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.JsonNode;

/**
 * Instant items (即办件: queries, print-outs, appointments, invoices): once the form (if any) is
 * filled, the department answers through the {@link DepartmentGateway} at once; the answer is shown
 * and can be printed on this kiosk, after the response, like a receipt ({@link KioskPrints}: the
 * print-out is rendered now, kept sealed until printed; the print key comes with the button, so two
 * taps print once). No filing is created; each answer is audited.
 */
@Controller
@RequestMapping("/kiosk")
class KioskInstantController {

    private final DepartmentGateway departments;
    private final InstantAnswerPrinter printer;
    private final KioskPrints prints;
    private final KioskFilings state;
    private final KioskJourneyController journey;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    KioskInstantController(DepartmentGateway departments, InstantAnswerPrinter printer,
            KioskPrints prints, KioskFilings state, KioskJourneyController journey, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.departments = departments;
        this.printer = printer;
        this.prints = prints;
        this.state = state;
        this.journey = journey;
        this.events = events;
    }

    @PostMapping("/drafts/{id}/answer")
    String ask(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable UUID id, java.util.Locale locale) {
        Draft draft = journey.draftOf(session, id);
        if (!draft.ready()) {
            return "redirect:/kiosk/drafts/" + id + "/review";
        }
        ServiceItem item = draft.item();
        InstantRequest request = new InstantRequest(item.code(), item.version(), item.department(),
                KioskJourneyController.applicant(session),
                formValues(draft.values()), kiosk.deviceCode(), locale);
        InstantAnswer answer = departments.answer(request);
        UUID answerId = state.answered(session.id(), request, answer);
        // In a transaction, so the event publication registry keeps it for the audit trail.
        transactions.executeWithoutResult(status -> events.publishEvent(new InstantItemAnswered(item.code(),
                kiosk.deviceCode(), session.person().idNumber().masked(), answer.outcome().name(), answer.reference())));
        return "redirect:/kiosk/answers/" + answerId;
    }

    @GetMapping("/answers/{id}")
    String answer(@VerifiedSession KioskSession session, @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @org.jspecify.annotations.Nullable String htmx, Model model) {
        KioskFilings.Answered answered = state.answer(session.id(), id)
                .orElseThrow(() -> new NotFoundException("no answer " + id + " in this session"));
        model.addAttribute("step", "receipt");
        model.addAttribute("answerId", id);
        model.addAttribute("answer", answered.answer());
        model.addAttribute("print", prints.last(subject(id)).orElse(null));
        model.addAttribute("printKey", UUID.randomUUID());
        return htmx != null ? "kiosk/answer :: print-status" : "kiosk/answer";
    }

    @PostMapping("/answers/{id}/print")
    String print(PairedKiosk kiosk, @VerifiedSession KioskSession session, @PathVariable UUID id, @RequestParam UUID key) {
        KioskFilings.Answered answered = state.answer(session.id(), id)
                .filter(a -> a.answer().isOk() && a.answer().printable())
                .orElseThrow(() -> new NotFoundException("no printable answer " + id + " in this session"));
        boolean underWay = prints.last(subject(id)).map(KioskPrint::open).orElse(false);
        if (!underWay) {
            prints.document("print:" + key, kiosk.deviceCode(), subject(id), printer.print(answered.request(), answered.answer(), null));
        }
        return "redirect:/kiosk/answers/" + id;
    }

    private static String subject(UUID answerId) {
        return "answer:" + answerId;
    }

    private static Map<String, Object> formValues(@org.jspecify.annotations.Nullable JsonNode form) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (form != null && form.isObject()) {
            form.properties().forEach(e -> values.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()));
        }
        return values;
    }
}
