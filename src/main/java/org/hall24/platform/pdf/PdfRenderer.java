package org.hall24.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.hall24.platform.pdf.PdfDocument.Block;
import org.hall24.platform.pdf.PdfDocument.Mark;
import org.hall24.platform.pdf.PdfDocument.Paragraph;
import org.hall24.platform.pdf.PdfDocument.QrCode;
import org.hall24.platform.pdf.PdfDocument.Row;
import org.hall24.platform.pdf.PdfDocument.Section;
import org.hall24.platform.pdf.PdfDocument.Table;
import org.jspecify.annotations.Nullable;

import com.google.zxing.common.BitMatrix;

/**
 * Renders a {@link PdfDocument} to PDF bytes: A4 portrait, one embedded (subset) TrueType CJK font,
 * text wrapped to the page (Chinese at any character, Latin between words, closing punctuation kept
 * with the character before it), new pages when content overflows, a document's {@link Mark} on every
 * page. Thread-safe: every call has its
 * own document and borrows a font instance of its own.
 */
public final class PdfRenderer {

    static final float MARGIN = 50;
    static final float TITLE_SIZE = 18;
    static final float SUBTITLE_SIZE = 11;
    static final float HEADING_SIZE = 13;
    static final float BODY_SIZE = 10.5f;
    static final float FOOTER_SIZE = 8;
    static final float LEADING = 1.45f;
    static final float CELL_PADDING = 4;
    static final float FOOTER_ZONE = 30;
    static final float STAMP_SIZE = 96;
    static final float MARK_SIZE = 9;

    private final Supplier<CjkFont> font;

    /**
     * @param font gives the font, or throws {@link PdfFontUnavailableException} when there is none
     */
    public PdfRenderer(Supplier<CjkFont> font) {
        this.font = font;
    }

    public PdfRenderer(CjkFont font) {
        this(() -> font);
    }

    /**
     * The document as PDF bytes.
     *
     * @throws PdfFontUnavailableException when no CJK font is available
     */
    public byte[] render(PdfDocument document) {
        CjkFont cjk = font.get();
        try {
            return cjk.use(ttf -> {
                try (PDDocument pdf = new PDDocument()) {
                    PDType0Font type0 = PDType0Font.load(pdf, ttf, true);
                    PDDocumentInformation info = pdf.getDocumentInformation();
                    info.setTitle(document.title());
                    info.setProducer("Hall24");
                    new Layout(pdf, type0).render(document);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    pdf.save(out);
                    return out.toByteArray();
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    /** One document being laid out: the pages so far and where the next line goes. */
    private static final class Layout {

        private final PDDocument pdf;
        private final PDType0Font font;
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private @Nullable PDPageContentStream stream;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private final float top = PDRectangle.A4.getHeight() - MARGIN;
        private final float bottom = MARGIN + FOOTER_ZONE;
        private float y;

        Layout(PDDocument pdf, PDType0Font font) {
            this.pdf = pdf;
            this.font = font;
        }

        void render(PdfDocument document) throws IOException {
            newPage();
            for (String line : wrap(document.title(), TITLE_SIZE, width)) {
                text(line, MARGIN, TITLE_SIZE);
            }
            if (document.subtitle() != null && !document.subtitle().isBlank()) {
                for (String line : wrap(document.subtitle(), SUBTITLE_SIZE, width)) {
                    text(line, MARGIN, SUBTITLE_SIZE);
                }
            }
            y -= 6;
            rule(y);
            y -= 10;
            for (Block block : document.blocks()) {
                if (block instanceof Section section) {
                    section(section);
                }
                else if (block instanceof Table table) {
                    table(table);
                }
                else if (block instanceof Paragraph paragraph) {
                    paragraph(paragraph.text());
                }
                else if (block instanceof QrCode qr) {
                    inlineQr(qr);
                }
                y -= 8;
            }
            if (document.qr() != null) {
                bottomQr(document.qr());
            }
            closeStream();
            footers(document.footer());
            if (document.mark() != null) {
                marks(document.mark());
            }
        }

        // ------------------------------------------------------------ blocks

        private void section(Section section) throws IOException {
            if (section.heading() != null && !section.heading().isBlank()) {
                heading(section.heading());
            }
            float labelWidth = width * 0.3f;
            float valueWidth = width - labelWidth - CELL_PADDING;
            float lh = BODY_SIZE * LEADING;
            for (Row row : section.rows()) {
                List<String> labels = wrap(row.label(), BODY_SIZE, labelWidth - CELL_PADDING);
                List<String> values = wrap(row.value(), BODY_SIZE, valueWidth);
                int lines = Math.max(labels.size(), values.size());
                for (int i = 0; i < lines; i++) {
                    ensure(lh);
                    if (i < labels.size()) {
                        show(labels.get(i), MARGIN, y - BODY_SIZE, BODY_SIZE, 0.35f);
                    }
                    if (i < values.size()) {
                        show(values.get(i), MARGIN + labelWidth + CELL_PADDING, y - BODY_SIZE, BODY_SIZE, 0f);
                    }
                    y -= lh;
                }
                y -= 2;
            }
        }

        private void table(Table table) throws IOException {
            if (table.heading() != null && !table.heading().isBlank()) {
                heading(table.heading());
            }
            int n = table.header().size();
            float[] widths = new float[n];
            double total = table.weights().isEmpty() ? n : table.weights().stream().mapToDouble(Double::doubleValue).sum();
            for (int i = 0; i < n; i++) {
                double w = table.weights().isEmpty() ? 1 : table.weights().get(i);
                widths[i] = (float) (width * w / total);
            }
            float first = table.rows().isEmpty() ? 0 : rowHeight(table.rows().get(0), widths);
            if (!fits(rowHeight(table.header(), widths) + first)) {
                newPage();
            }
            tableRow(table.header(), widths, true);
            for (List<String> row : table.rows()) {
                if (!fits(rowHeight(row, widths))) {
                    newPage();
                    tableRow(table.header(), widths, true);
                }
                tableRow(row, widths, false);
            }
        }

        private float rowHeight(List<String> cells, float[] widths) throws IOException {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                lines = Math.max(lines, wrap(cells.get(i), BODY_SIZE, widths[i] - 2 * CELL_PADDING).size());
            }
            return lines * BODY_SIZE * LEADING + 2 * CELL_PADDING;
        }

        private void tableRow(List<String> cells, float[] widths, boolean header) throws IOException {
            float lh = BODY_SIZE * LEADING;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> cell = wrap(cells.get(i), BODY_SIZE, widths[i] - 2 * CELL_PADDING);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            int start = 0;
            while (start < lines) {
                // Only a row taller than a whole page gets here without room: it continues on the next page.
                int room = (int) ((y - bottom - 2 * CELL_PADDING) / lh);
                if (room < 1) {
                    newPage();
                    room = (int) ((y - bottom - 2 * CELL_PADDING) / lh);
                }
                int take = Math.min(room, lines - start);
                float height = take * lh + 2 * CELL_PADDING;
                PDPageContentStream s = stream();
                if (header) {
                    s.setNonStrokingColor(0.92f, 0.92f, 0.92f);
                    s.addRect(MARGIN, y - height, width, height);
                    s.fill();
                    s.setNonStrokingColor(0f, 0f, 0f);
                }
                float x = MARGIN;
                for (int i = 0; i < widths.length; i++) {
                    s.setLineWidth(0.5f);
                    s.addRect(x, y - height, widths[i], height);
                    s.stroke();
                    List<String> cell = wrapped.get(i);
                    for (int l = start; l < Math.min(cell.size(), start + take); l++) {
                        show(cell.get(l), x + CELL_PADDING, y - CELL_PADDING - (l - start) * lh - BODY_SIZE, BODY_SIZE, 0f);
                    }
                    x += widths[i];
                }
                y -= height;
                start += take;
            }
        }

        private void paragraph(String text) throws IOException {
            float lh = BODY_SIZE * LEADING;
            for (String line : wrap(text, BODY_SIZE, width)) {
                ensure(lh);
                show(line, MARGIN, y - BODY_SIZE, BODY_SIZE, 0f);
                y -= lh;
            }
        }

        private void heading(String heading) throws IOException {
            float lh = HEADING_SIZE * LEADING;
            // Keep a heading with at least one line of what follows.
            ensure(lh + BODY_SIZE * LEADING * 2);
            for (String line : wrap(heading, HEADING_SIZE, width)) {
                text(line, MARGIN, HEADING_SIZE);
            }
            y -= 2;
        }

        private void inlineQr(QrCode qr) throws IOException {
            float height = qr.size() + captionHeight(qr);
            ensure(height);
            drawQr(qr, MARGIN + width - qr.size(), y - qr.size());
            y -= height;
        }

        private void bottomQr(QrCode qr) throws IOException {
            float height = qr.size() + captionHeight(qr);
            if (y - bottom < height + 6) {
                newPage();
            }
            drawQr(qr, MARGIN + width - qr.size(), bottom + captionHeight(qr));
        }

        private float captionHeight(QrCode qr) throws IOException {
            return qr.caption() == null || qr.caption().isBlank() ? 0 : wrap(qr.caption(), FOOTER_SIZE, Math.max(qr.size(), 120)).size() * FOOTER_SIZE * LEADING + 2;
        }

        private void drawQr(QrCode qr, float x, float yBottom) throws IOException {
            BitMatrix matrix = QrCodes.matrix(qr.content(), 21);
            int modules = matrix.getWidth();
            float cell = qr.size() / modules;
            PDPageContentStream s = stream();
            s.setNonStrokingColor(0f, 0f, 0f);
            for (int row = 0; row < modules; row++) {
                int col = 0;
                while (col < modules) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int run = col;
                    while (run < modules && matrix.get(run, row)) {
                        run++;
                    }
                    s.addRect(x + col * cell, yBottom + qr.size() - (row + 1) * cell, (run - col) * cell, cell);
                    col = run;
                }
            }
            s.fill();
            if (qr.caption() != null && !qr.caption().isBlank()) {
                float captionWidth = Math.max(qr.size(), 120);
                float lineY = yBottom - FOOTER_SIZE - 1;
                for (String line : wrap(qr.caption(), FOOTER_SIZE, captionWidth)) {
                    float w = width(line, FOOTER_SIZE);
                    show(line, MARGIN + width - w, lineY, FOOTER_SIZE, 0f);
                    lineY -= FOOTER_SIZE * LEADING;
                }
            }
        }

        private void footers(@Nullable String footer) throws IOException {
            int count = pages.size();
            for (int i = 0; i < count; i++) {
                String line = footer == null ? "" : footer;
                if (count > 1) {
                    line = (line.isEmpty() ? "" : line + "    ") + (i + 1) + " / " + count;
                }
                if (line.isEmpty()) {
                    continue;
                }
                try (PDPageContentStream s = new PDPageContentStream(pdf, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    s.setStrokingColor(0.6f, 0.6f, 0.6f);
                    s.setLineWidth(0.5f);
                    s.moveTo(MARGIN, MARGIN + FOOTER_SIZE + 6);
                    s.lineTo(MARGIN + width, MARGIN + FOOTER_SIZE + 6);
                    s.stroke();
                    List<String> lines = wrap(line, FOOTER_SIZE, width);
                    s.beginText();
                    s.setFont(font, FOOTER_SIZE);
                    s.setNonStrokingColor(0.3f, 0.3f, 0.3f);
                    s.newLineAtOffset(MARGIN, MARGIN);
                    s.showText(lines.get(0));
                    s.endText();
                }
            }
        }

        /** The mark on every page: the stamp diagonal and light beneath the content, the notice on a band in the top margin. */
        private void marks(Mark mark) throws IOException {
            PDRectangle box = PDRectangle.A4;
            String stamp = clean(mark.stamp()).replace('\n', ' ');
            float stampSize = Math.min(STAMP_SIZE, STAMP_SIZE * box.getHeight() * 0.75f / Math.max(1, width(stamp, STAMP_SIZE)));
            float stampWidth = width(stamp, stampSize);
            double angle = Math.atan2(box.getHeight(), box.getWidth());
            float cos = (float) Math.cos(angle);
            float sin = (float) Math.sin(angle);
            // Start so that the text's middle sits on the page's centre.
            float x = box.getWidth() / 2 - stampWidth / 2 * cos + stampSize / 3 * sin;
            float yStart = box.getHeight() / 2 - stampWidth / 2 * sin - stampSize / 3 * cos;
            List<String> notice = wrap(mark.notice(), MARK_SIZE, width - 2 * CELL_PADDING);
            notice = notice.subList(0, Math.min(2, notice.size()));
            float lh = MARK_SIZE * LEADING;
            float bandHeight = notice.size() * lh + 2 * CELL_PADDING;
            float bandBottom = top + 6;
            for (PDPage page : pages) {
                try (PDPageContentStream s = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.PREPEND, true)) {
                    s.saveGraphicsState();
                    s.setNonStrokingColor(0.93f, 0.82f, 0.80f);
                    s.beginText();
                    s.setFont(font, stampSize);
                    s.setTextMatrix(new Matrix(cos, sin, -sin, cos, x, yStart));
                    s.showText(stamp);
                    s.endText();
                    s.restoreGraphicsState();
                }
                try (PDPageContentStream s = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    s.setNonStrokingColor(1f, 0.95f, 0.80f);
                    s.addRect(MARGIN, bandBottom, width, bandHeight);
                    s.fill();
                    s.setStrokingColor(0.69f, 0.38f, 0f);
                    s.setLineWidth(1f);
                    s.addRect(MARGIN, bandBottom, width, bandHeight);
                    s.stroke();
                    s.setNonStrokingColor(0.24f, 0.16f, 0f);
                    float baseline = bandBottom + bandHeight - CELL_PADDING - MARK_SIZE;
                    for (String line : notice) {
                        s.beginText();
                        s.setFont(font, MARK_SIZE);
                        s.newLineAtOffset(MARGIN + CELL_PADDING, baseline);
                        s.showText(line);
                        s.endText();
                        baseline -= lh;
                    }
                }
            }
        }

        // ------------------------------------------------------------ pages and text

        private void newPage() throws IOException {
            closeStream();
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            pages.add(page);
            stream = new PDPageContentStream(pdf, page);
            y = top;
        }

        private PDPageContentStream stream() throws IOException {
            if (stream == null) {
                newPage();
            }
            return stream;
        }

        private void closeStream() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }

        private boolean fits(float height) {
            return y - height >= bottom;
        }

        private void ensure(float height) throws IOException {
            if (!fits(height)) {
                newPage();
            }
        }

        private void rule(float at) throws IOException {
            PDPageContentStream s = stream();
            s.setLineWidth(0.8f);
            s.moveTo(MARGIN, at);
            s.lineTo(MARGIN + width, at);
            s.stroke();
        }

        /** A line of text in the flow at {@code x}, moving the cursor down. */
        private void text(String line, float x, float size) throws IOException {
            float lh = size * LEADING;
            ensure(lh);
            show(line, x, y - size, size, 0f);
            y -= lh;
        }

        private void show(String line, float x, float baseline, float size, float grey) throws IOException {
            if (line.isEmpty()) {
                return;
            }
            PDPageContentStream s = stream();
            s.beginText();
            s.setFont(font, size);
            s.setNonStrokingColor(grey, grey, grey);
            s.newLineAtOffset(x, baseline);
            s.showText(line);
            s.endText();
            s.setNonStrokingColor(0f, 0f, 0f);
        }

        // ------------------------------------------------------------ wrapping

        /** Lines of {@code text} no wider than {@code max}; characters the font lacks become '?'. */
        List<String> wrap(String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String para : clean(text).split("\n", -1)) {
                List<String> tokens = TextBreaks.tokens(para);
                StringBuilder line = new StringBuilder();
                float lineWidth = 0;
                for (String token : tokens) {
                    float w = width(token, size);
                    if (lineWidth + w <= max || line.isEmpty() && w <= max) {
                        line.append(token);
                        lineWidth += w;
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    String rest = token.stripLeading();
                    // A word wider than the line is cut where it must be.
                    while (width(rest, size) > max) {
                        int cut = fitting(rest, size, max);
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                    lineWidth = width(rest, size);
                }
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }

        private int fitting(String s, float size, float max) throws IOException {
            int end = 0;
            while (end < s.length()) {
                int next = end + Character.charCount(s.codePointAt(end));
                if (width(s.substring(0, next), size) > max) {
                    break;
                }
                end = next;
            }
            return Math.max(end, Character.charCount(s.codePointAt(0)));
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }

        private String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.replace("\r\n", "\n").codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                }
                else if (cp == '\t' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    out.append(cp == '\u3000' && canShow(cp) ? "\u3000" : " ");
                }
                else if (Character.isISOControl(cp)) {
                    // dropped
                }
                else {
                    out.appendCodePoint(canShow(cp) ? cp : '?');
                }
            });
            return out.toString();
        }

        private boolean canShow(int cp) {
            return encodable.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return font.getStringWidth(new String(Character.toChars(c))) >= 0;
                }
                catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
        }
    }
}
