package org.hall24.departments;

import java.time.Clock;
import java.util.Locale;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.Department;
import org.hall24.catalog.ServiceItem;
import org.hall24.platform.DisplayTime;
import org.hall24.platform.pdf.PdfDocument;
import org.hall24.platform.pdf.PdfRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an instant item's answer as the A4 print-out a kiosk prints: the answer's title, the
 * department, the applicant with the ID number masked, the department's reference number, the
 * answer's fields and records, the device and the printed-at time, and optionally a QR code (for
 * example a link where the print-out can be verified). An answer of a simulated department system
 * carries the 模拟数据 / SIMULATED mark on every page instead of the notice that the data is the
 * department's.
 */
@Component
public class InstantAnswerPrinter {

    private final Catalog catalog;
    private final PdfRenderer renderer;
    private final MessageSource messages;
    private final DisplayTime displayTime;
    private final Clock clock;

    InstantAnswerPrinter(Catalog catalog, PdfRenderer renderer, MessageSource messages, DisplayTime displayTime, Clock clock) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.messages = messages;
        this.displayTime = displayTime;
        this.clock = clock;
    }

    /**
     * The print-out as PDF bytes, in the request's language.
     *
     * @param qrContent what the QR code at the bottom right encodes, or {@literal null} for none
     * @throws IllegalArgumentException when the answer is not printable
     * @throws org.hall24.platform.pdf.PdfFontUnavailableException when no CJK font is installed
     */
    public byte[] print(InstantRequest request, InstantAnswer answer, @Nullable String qrContent) {
        if (!answer.printable()) {
            throw new IllegalArgumentException("the answer to " + request.itemCode() + " is not printable");
        }
        Locale locale = request.locale();
        String department = catalog.department(request.departmentCode()).map(Department::name).map(n -> n.in(locale))
                .orElse(request.departmentCode());
        String item = catalog.item(request.itemCode(), request.itemVersion()).map(ServiceItem::name).map(n -> n.in(locale))
                .orElse(request.itemCode());
        String printedAt = displayTime.format(clock.instant());

        PdfDocument.Builder doc = PdfDocument.builder(answer.title().in(locale)).subtitle(department);
        doc.section(text("departments.pdf.applicant", locale), s -> {
            s.row(text("departments.pdf.name", locale), request.applicant().name());
            s.row(text("departments.pdf.id-number", locale), request.applicant().idNumber().masked());
            if (request.applicant().enterprise() != null) {
                s.row(text("departments.pdf.credit-code", locale), request.applicant().enterprise().value());
            }
        });
        doc.section(text("departments.pdf.business", locale), s -> {
            boolean english = "en".equals(locale.getLanguage());
            s.row(text("departments.pdf.item", locale), item + (english ? " (" + request.itemCode() + ")" : "（" + request.itemCode() + "）"));
            s.row(text("departments.pdf.reference", locale), answer.reference());
            s.row(text("departments.pdf.department", locale), department);
            s.row(text("departments.pdf.device", locale), request.deviceCode());
            s.row(text("departments.pdf.printed-at", locale), printedAt);
        });
        if (!answer.fields().isEmpty()) {
            doc.section(text("departments.pdf.result", locale), s -> answer.fields()
                    .forEach(f -> s.row(f.label().in(locale), f.value().in(locale))));
        }
        InstantAnswer.Table table = answer.table();
        if (table != null) {
            doc.table(table.heading().in(locale), table.header().stream().map(h -> h.in(locale)).toList(),
                    table.rows().stream().map(r -> r.stream().map(c -> c.in(locale)).toList()).toList());
        }
        doc.paragraph(text(answer.simulated() ? "departments.pdf.simulated.notice" : "departments.pdf.notice", locale));
        if (answer.simulated()) {
            doc.mark(text("departments.pdf.simulated.stamp", locale), text("departments.pdf.simulated.notice", locale));
        }
        if (qrContent != null && !qrContent.isBlank()) {
            doc.qr(qrContent, text("departments.pdf.qr", locale));
        }
        doc.footer(department + "  " + text("departments.pdf.printed-at", locale) + " " + printedAt + "  " + request.deviceCode());
        return renderer.render(doc.build());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
