package org.hall24.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** A document's {@link PdfDocument.Mark}: on every page, in the top margin and across the page, and the QR code still reads. */
class PdfMarkTest {

    static final String QR = "https://hall24.example/track?number=JLP-YJP-20261128-WJ-000042-7";
    static final String NOTICE = "模拟数据：本打印件由演示用的模拟部门系统生成，不是任何部门出具的证明。";

    static PdfRenderer renderer;

    @BeforeAll
    static void font() {
        renderer = new PdfRenderer(CjkFont.resolve(null, null, CjkFont.SYSTEM_CANDIDATES));
    }

    static PdfDocument.Builder longDocument() {
        PdfDocument.Builder builder = PdfDocument.builder("住房公积金缴存证明").footer("九龙坡区 打印时间 2026-11-28 18:30");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            rows.add(List.of("2026-" + (i % 12 + 1), "缴存记录第" + i + "行", "¥" + (1000 + i)));
        }
        return builder.table("缴存明细", List.of("月份", "说明", "金额"), rows).qr(QR, "扫码查询进度");
    }

    @Test
    void everyPageCarriesTheNoticeInItsTopMarginAndTheStampAcrossIt() throws Exception {
        byte[] pdf = renderer.render(longDocument().mark("模拟数据", NOTICE).build());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                Map<String, Float> lowest = new java.util.HashMap<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String string, List<TextPosition> positions) throws java.io.IOException {
                        super.writeString(string, positions);
                        float y = positions.stream().map(p -> p.getPageHeight() - p.getYDirAdj()).reduce(Float.MAX_VALUE, Math::min);
                        lowest.merge(string, y, Math::min);
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertThat(text.replaceAll("\\s+", "")).as("page %d", page).contains(NOTICE, "模拟数据");
                float top = lowest.entrySet().stream().filter(e -> NOTICE.startsWith(e.getKey().strip()) && !e.getKey().isBlank())
                        .map(Map.Entry::getValue).findFirst().orElseThrow();
                assertThat(top).as("page %d: the notice stands above the top margin", page)
                        .isGreaterThan(doc.getPage(page - 1).getMediaBox().getHeight() - PdfRenderer.MARGIN);
            }
            BufferedImage last = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 200);
            assertThat(decode(last.getSubimage(last.getWidth() / 2, last.getHeight() / 2, last.getWidth() / 2, last.getHeight() / 2)))
                    .as("the stamp leaves the QR code readable").isEqualTo(QR);
        }
    }

    @Test
    void anUnmarkedDocumentHasNoMark() throws Exception {
        try (PDDocument doc = Loader.loadPDF(renderer.render(longDocument().build()))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("缴存明细").doesNotContain("模拟数据");
        }
        assertThatThrownBy(() -> new PdfDocument.Mark(" ", NOTICE)).isInstanceOf(IllegalArgumentException.class);
    }

    static String decode(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
