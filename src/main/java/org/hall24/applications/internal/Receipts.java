package org.hall24.applications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hall24.applications.FiledMaterial;
import org.hall24.applications.Filing;
import org.hall24.cabinet.CabinetDeposits;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.DeliveryMethod;
import org.hall24.catalog.Material;
import org.hall24.catalog.ServiceItem;
import org.hall24.hall.Halls;
import org.hall24.platform.DisplayTime;
import org.hall24.platform.pdf.PdfDocument;
import org.hall24.platform.demo.DemoMode;
import org.hall24.platform.pdf.PdfRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt (受理回执) of a filing: a PDF in the applicant's language with the filing number,
 * the item and its pinned version, the applicant with the ID number masked, the materials
 * received, the promised time limit and due date, what to do next, and a QR code to the
 * progress page. Renders from the stored filing, so a reprint is the same document. In demo mode
 * ({@code hall24.demo=true}) every page carries the 演示 / DEMO mark: no real department receives
 * the filing.
 */
@Component
class Receipts {

    private final PdfRenderer renderer;
    private final Catalog catalog;
    private final Halls halls;
    private final MessageSource messages;
    private final DisplayTime displayTime;
    private final String publicBaseUrl;
    private final DemoMode demoMode;
    private final CabinetDeposits deposits;

    Receipts(PdfRenderer renderer, Catalog catalog, Halls halls, MessageSource messages, DisplayTime displayTime, DemoMode demoMode,
            CabinetDeposits deposits, @Value("${hall24.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.demoMode = demoMode;
        this.deposits = deposits;
        this.renderer = renderer;
        this.catalog = catalog;
        this.halls = halls;
        this.messages = messages;
        this.displayTime = displayTime;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The progress page of a filing, as the receipt's QR code carries it. */
    String trackUrl(String number) {
        return publicBaseUrl + "/track?number=" + number;
    }

    byte[] render(Filing filing, Locale locale, Instant printedAt) {
        ServiceItem item = catalog.item(filing.itemCode(), filing.itemVersion())
                .orElseThrow(() -> new IllegalStateException("pinned item version is gone: " + filing.itemCode()));
        String hallName = halls.hall(filing.hallCode()).map(h -> h.name().in(locale)).orElse(filing.hallCode());
        String department = catalog.department(item.department()).map(d -> d.name().in(locale)).orElse(item.department());
        PdfDocument.Builder receipt = PdfDocument.builder(text("receipt.title", locale))
                .subtitle(hallName)
                .section(text("receipt.filing", locale), rows -> {
                    rows.row(text("receipt.number", locale), filing.number());
                    rows.row(text("receipt.item", locale), item.name().in(locale));
                    rows.row(text("receipt.item-code", locale), text("receipt.item-code.value", locale, item.code(), item.version()));
                    rows.row(text("receipt.department", locale), department);
                    rows.row(text("receipt.applicant", locale), filing.applicant().maskedName());
                    rows.row(text("receipt.id-number", locale), filing.applicant().idNumber().masked());
                    if (filing.applicant().enterprise() != null) {
                        rows.row(text("receipt.enterprise", locale), filing.applicant().enterprise().value());
                    }
                    if (filing.applicant().phone() != null) {
                        rows.row(text("receipt.phone", locale), filing.applicant().phone().masked());
                    }
                    rows.row(text("receipt.submitted-at", locale), displayTime.format(filing.submittedAt()));
                    rows.row(text("receipt.device", locale), filing.deviceCode());
                    rows.row(text("receipt.promised", locale), item.promisedDays() == 0 ? text("receipt.instant", locale)
                            : text("receipt.days", locale, item.promisedDays()));
                    rows.row(text("receipt.due", locale), filing.dueDate().toString());
                });
        List<List<String>> received = new ArrayList<>();
        item.materials().stream().filter(Material::readFromIdCard).forEach(m -> received.add(List.of(m.name().in(locale),
                text("receipt.source.ID_CARD_READ", locale), "-")));
        for (FiledMaterial m : filing.materials()) {
            Material material = m.index() < item.materials().size() ? item.materials().get(m.index()) : null;
            received.add(List.of(material == null ? "#" + m.index() : material.name().in(locale),
                    text("receipt.source." + m.source(), locale), Integer.toString(m.pages())));
        }
        if (received.isEmpty()) {
            receipt.paragraph(text("receipt.materials.none", locale));
        } else {
            receipt.table(text("receipt.materials", locale), List.of(text("receipt.material.name", locale),
                    text("receipt.material.source", locale), text("receipt.material.pages", locale)), received);
        }
        List<String> paper = item.materials().stream().filter(m -> m.medium() == Material.Medium.PAPER)
                .map(m -> m.name().in(locale)).toList();
        Optional<CabinetDeposits.Ready> token = item.paperDeposit() ? deposits.tokenOf(filing.number()) : Optional.empty();
        Optional<CabinetDeposits.Deposited> deposited = item.paperDeposit() && token.isEmpty() ? deposits.depositOf(filing.number())
                : Optional.empty();
        if (token.isPresent()) {
            CabinetDeposits.Ready ready = token.get();
            String cabinet = halls.device(ready.cabinetCode()).map(d -> d.name().in(locale)).orElse(ready.cabinetCode());
            receipt.section(text("receipt.deposit", locale), rows -> {
                rows.row(text("receipt.deposit.cabinet", locale), cabinet);
                rows.row(text("receipt.deposit.compartment", locale), ready.compartment());
                rows.row(text("receipt.deposit.code", locale), spaced(ready.token().shortCode()));
                rows.row(text("receipt.deposit.until", locale), displayTime.format(ready.token().expiresAt()));
                rows.row(text("receipt.deposit.bag", locale), text("receipt.deposit.bag.value", locale,
                        paper.isEmpty() ? text("receipt.deposit.bag.any", locale) : String.join("、", paper), filing.number()));
            });
            receipt.inlineQr(ready.token().qr(), text("receipt.deposit.qr-caption", locale));
        }
        receipt.section(text("receipt.next", locale), rows -> {
            if (deposited.isPresent()) {
                rows.row(text("receipt.next.paper", locale), text("receipt.next.paper.deposited", locale,
                        displayTime.format(deposited.get().at()), deposited.get().compartment()));
            } else if (token.isPresent()) {
                rows.row(text("receipt.next.paper", locale), text("receipt.next.paper.cabinet", locale));
            } else if (item.paperDeposit() && !paper.isEmpty()) {
                rows.row(text("receipt.next.paper", locale), text("receipt.next.paper.counter", locale, String.join("、", paper)));
            }
            if (!item.deliveryMethods().isEmpty()) {
                List<String> methods = item.deliveryMethods().stream().sorted()
                        .map((DeliveryMethod d) -> text("catalog.delivery." + d, locale)).toList();
                rows.row(text("receipt.next.result", locale), String.join(" / ", methods));
            }
            rows.row(text("receipt.next.track", locale), text("receipt.next.track.value", locale, trackUrl(filing.number())));
        });
        receipt.qr(trackUrl(filing.number()), text("receipt.qr-caption", locale));
        receipt.footer(text("receipt.footer", locale, hallName, displayTime.format(printedAt)));
        if (demoMode.on()) {
            receipt.mark(text("receipt.demo.stamp", locale), text("receipt.demo.notice", locale));
        }
        return renderer.render(receipt.build());
    }

    /** {@code 1234 5678}: eight digits in two groups, easier to read off paper. */
    static String spaced(String code) {
        return code.length() == 8 ? code.substring(0, 4) + " " + code.substring(4) : code;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
