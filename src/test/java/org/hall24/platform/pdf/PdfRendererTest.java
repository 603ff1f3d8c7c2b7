package org.hall24.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class PdfRendererTest {

    static final String PROGRESS = "https://hall24.example/progress?no=JLP20261128000123&name=张三";

    static PdfRenderer renderer;

    @BeforeAll
    static void font() {
        renderer = new PdfRenderer(CjkFont.resolve(null, null, CjkFont.SYSTEM_CANDIDATES));
    }

    static PdfDocument receipt() {
        return PdfDocument.builder("申请受理回执")
                .subtitle("重庆市九龙坡区杨家坪24小时智慧政务服务中心")
                .section("申请信息", s -> s.row("申请编号", "JLP20261128000123").row("申请人", "张三").row("身份证号", "500107********1234"))
                .table("材料清单", List.of("材料名称", "份数", "形式"),
                        List.of(List.of("居民身份证复印件", "1", "纸质"), List.of("不动产权证书", "1", "原件")))
                .paragraph("请妥善保管本回执，凭申请编号可在大厅自助查询机或手机上查询办理进度。")
                .qr(PROGRESS, "扫码查询办理进度")
                .footer("杨家坪24小时智慧政务服务中心 打印时间 2026-11-28 18:30")
                .build();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void chineseTitleRowsTableAndParagraphComeBackFromTheParsedPdfWithTheFontEmbedded() throws Exception {
        byte[] pdf = renderer.render(receipt());

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("申请受理回执", "杨家坪24小时智慧政务服务中心", "申请编号", "JLP20261128000123", "张三",
                "500107********1234", "材料名称", "居民身份证复印件", "不动产权证书", "请妥善保管本回执", "扫码查询办理进度", "打印时间");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                assertThat(f.getName()).as("subset tag").matches("[A-Z]{6}\\+.*");
            });
        }
    }

    @Test
    void theQrCodeOnThePageDecodesToTheSameChineseContainingText() throws Exception {
        byte[] pdf = renderer.render(receipt());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            // The code sits at the bottom right of the page.
            BufferedImage corner = page.getSubimage(page.getWidth() / 2, page.getHeight() / 2, page.getWidth() / 2, page.getHeight() / 2);
            assertThat(decode(corner)).isEqualTo(PROGRESS);
        }
    }

    @Test
    void qrCodesPngDecodesToTheSameChineseText() throws Exception {
        String content = "九龙坡区 申请编号 JLP20261128000123";
        byte[] png = QrCodes.png(content, 240);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(240);
        assertThat(decode(image)).isEqualTo(content);
        assertThat(QrCodes.dataUri(content, 120)).startsWith("data:image/png;base64,");
        assertThatThrownBy(() -> QrCodes.png("", 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longTextWrapsWithinThePageAndBreaksOntoNewPages() throws Exception {
        String sentence = "住房公积金是单位及其在职职工缴存的长期住房储金，Hall24 prints long Latin words between spaces, 中文逐字换行。";
        PdfDocument.Builder builder = PdfDocument.builder("很长的文档").footer("页脚");
        for (int i = 0; i < 40; i++) {
            builder.paragraph(i + " " + sentence.repeat(3));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(List.of("2026-" + (i % 12 + 1), "缴存记录第" + i + "行，单元格里的文字很长很长很长很长很长需要换行显示", "¥" + (1000 + i)));
        }
        builder.table(new PdfDocument.Table("缴存明细", List.of("月份", "说明", "金额"), rows, List.of(1.0, 3.0, 1.0)));
        byte[] pdf = renderer.render(builder.build());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            String last = stripper.getText(doc);
            assertThat(last).contains("缴存记录第79行").contains(doc.getNumberOfPages() + " / " + doc.getNumberOfPages());
            // The table header repeats on the pages the table runs onto.
            assertThat(last).contains("月份", "说明", "金额");
        }
        String text = text(pdf);
        assertThat(text).contains("Latin", "between", "spaces");
        // No glyph reaches into the right margin.
        float[] right = {0};
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper extents = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj());
                    }
                }
            };
            extents.getText(doc);
        }
        assertThat(right[0]).isGreaterThan(400).isLessThanOrEqualTo(PdfRenderer.MARGIN + 495.3f + 1);
    }

    @Test
    void chineseWrapsPerCharacterAndLatinPerWord() {
        assertThat(TextBreaks.tokens("办理进度（已受理）。Hall24 works")).containsExactly("办", "理", "进", "度", "（已", "受", "理）。", "Hall24 ", "works");
    }

    @Test
    void concurrentRenderingFromEightThreadsGivesEightGoodDocuments() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                results.add(pool.submit(() -> renderer.render(PdfDocument.builder("回执 " + n)
                        .section(null, s -> s.row("编号", "NO-" + n).row("说明", "并发打印测试第" + n + "份"))
                        .qr("编号 NO-" + n, null).build())));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(text(results.get(i).get())).contains("回执 " + i, "NO-" + i, "并发打印测试第" + i + "份");
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingConfiguredFontGivesAClearErrorAndADegradedHealthButTheAppKeepsRunning() {
        PdfFonts fonts = PdfFonts.resolve(new PdfProperties("/nonexistent/fonts/missing.ttf", null), CjkFont.SYSTEM_CANDIDATES);
        PdfRenderer broken = new PdfRenderer(fonts::require);

        assertThatThrownBy(() -> broken.render(receipt()))
                .isInstanceOf(PdfFontUnavailableException.class)
                .hasMessageContaining("/nonexistent/fonts/missing.ttf")
                .hasMessageContaining("fonts-wqy-zenhei")
                .hasMessageContaining("hall24.pdf.font");
        var health = new PdfConfiguration().pdfFontHealthIndicator(fonts).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).hasEntrySatisfying("problem", p -> assertThat(p.toString()).contains("fonts-wqy-zenhei"));
    }

    @Test
    void anOpenTypeCffFontIsRefusedWithTheSameClearError() throws Exception {
        Path notTrueType = Files.createTempFile("hall24-not-a-font", ".ttf");
        Files.writeString(notTrueType, "OTTO this is not a TrueType font");
        assertThatThrownBy(() -> CjkFont.load(notTrueType, null))
                .isInstanceOf(PdfFontUnavailableException.class)
                .hasMessageContaining("not a usable TrueType CJK font");
    }

    @Test
    void aTrueTypeCollectionFromTheSystemWorksToo() throws Exception {
        Path zenhei = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
        assumeTrue(Files.isRegularFile(zenhei), "fonts-wqy-zenhei not installed");
        CjkFont font = CjkFont.load(zenhei, null);
        assertThat(font.postScriptName()).containsIgnoringCase("zenhei");
        assertThat(text(new PdfRenderer(font).render(receipt()))).contains("申请受理回执", "居民身份证复印件");
        var health = new PdfConfiguration().pdfFontHealthIndicator(PdfFonts.resolve(new PdfProperties(zenhei.toString(), null), List.of())).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    static String decode(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    }
}
