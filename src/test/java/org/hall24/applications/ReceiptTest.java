package org.hall24.applications;

import org.hall24.shared.Applicant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hall24.Hall24IntegrationTest;
import org.hall24.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

@Hall24IntegrationTest
class ReceiptTest {

    @Autowired
    Applications applications;

    @Autowired
    org.hall24.catalog.Catalog catalog;

    @Autowired
    AuditTrail audit;

    @Test
    void theReceiptIsAChinesePdfWithTheNumberTheMaskedIdAndAQrToTheProgressPage() throws Exception {
        Filing filing = fileOne();

        byte[] pdf = applications.receipt(filing.number(), Locale.SIMPLIFIED_CHINESE, "test");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("受理回执", "变更医师执业注册", filing.number(), "5001**********" + SubmitTest.ID.substring(14),
                    "医师执业证书", "5 个工作日", filing.dueDate().toString(), "居民身份证", "自助机读取身份证芯片", "高拍仪拍摄");
            assertThat(text).doesNotContain(SubmitTest.ID).doesNotContain(SubmitTest.NAME).doesNotContain(SubmitTest.PHONE);
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
            assertThat(qrIn(document)).isEqualTo(applications.trackUrl(filing.number()))
                    .endsWith("/track?number=" + filing.number());
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                audit.about("filing:" + filing.number())).anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("applications.filing.accessed");
                    assertThat(e.detail()).isEqualTo("purpose: receipt");
                }));
    }

    @Test
    void anEnglishReceiptSpeaksEnglish() throws Exception {
        Filing filing = fileOne();
        try (PDDocument document = Loader.loadPDF(applications.receipt(filing.number(), Locale.ENGLISH, "test"))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Receipt of application", "Change of physician practice registration", filing.number(), "5 working days");
        }
    }

    @Test
    void anUnknownFilingHasNoReceipt() {
        assertThatThrownBy(() -> applications.receipt("JLP-YJP-20261128-WJ-999999-0", Locale.SIMPLIFIED_CHINESE, "test"))
                .isInstanceOf(FilingNotFoundException.class);
    }

    private Filing fileOne() {
        var item = catalog.item("WJ-0001").orElseThrow();
        Draft draft = applications.openDraft("session-" + java.util.UUID.randomUUID(), "JLP-YJP-GOV-01", item,
                new Applicant(SubmitTest.NAME, org.hall24.shared.ChineseIdNumber.of(SubmitTest.ID), null,
                        org.hall24.shared.MobileNumber.of(SubmitTest.PHONE)));
        java.util.Map<String, String> form = new java.util.HashMap<>(FormsTest.physician());
        form.putAll(draft.submitted());
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 0, TestFiles.jpeg(600, 400), "certificate.jpg", MaterialSource.DOCUMENT_CAMERA);
        return applications.submit(draft.id(), SubmitTest.key(), "JLP-YJP", "kiosk:JLP-YJP-GOV-01");
    }

    private static String qrIn(PDDocument document) throws IOException {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 200);
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                    .getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code on the receipt's last page", e);
        }
    }
}
