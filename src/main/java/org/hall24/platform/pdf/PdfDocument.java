package org.hall24.platform.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A printable A4 portrait document: a title, an optional subtitle, blocks in reading order
 * (sections of label/value rows, tables, paragraphs, inline QR codes), an optional QR code at the
 * bottom right of the last page, a footer line on every page, and optionally a {@link Mark} on every
 * page. Immutable; build one with
 * {@link #builder(String)} and render it with {@link PdfRenderer#render(PdfDocument)}.
 *
 * @param title    the heading of the first page, must not be blank
 * @param subtitle a smaller line under the title, or {@literal null}
 * @param blocks   the content in reading order
 * @param qr       a QR code drawn at the bottom right of the last page, or {@literal null}
 * @param footer   a line at the foot of every page (e.g. the hall and the printed-at time), or {@literal null};
 *                 the page number is added to it when the document has more than one page
 * @param mark     a mark on every page saying what the document is not (a demo's receipt, a simulated
 *                 department's answer), or {@literal null} for none
 */
public record PdfDocument(String title, @Nullable String subtitle, List<Block> blocks, @Nullable QrCode qr, @Nullable String footer,
        @Nullable Mark mark) {

    public PdfDocument {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        blocks = List.copyOf(blocks);
    }

    public PdfDocument(String title, @Nullable String subtitle, List<Block> blocks, @Nullable QrCode qr, @Nullable String footer) {
        this(title, subtitle, blocks, qr, footer, null);
    }

    /**
     * A mark that no reader of any page can miss, e.g. 模拟数据 on an answer made up by a simulated
     * department system: the stamp printed large and light across every page, under the text, and
     * the notice on a tinted band in every page's top margin (where a cut-off copy still shows it).
     *
     * @param stamp  a word or two, e.g. 模拟数据 / SIMULATED
     * @param notice a sentence saying what that means, e.g. that no department issued it
     */
    public record Mark(String stamp, String notice) {
        public Mark {
            if (stamp == null || stamp.isBlank() || notice == null || notice.isBlank()) {
                throw new IllegalArgumentException("a mark needs a stamp and a notice");
            }
        }
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** A part of the document's body. */
    public sealed interface Block permits Section, Table, Paragraph, QrCode {
    }

    /** A label and its value, e.g. 姓名 / 张三; long values wrap. */
    public record Row(String label, String value) {
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A heading (may be {@literal null}) over label/value rows. */
    public record Section(@Nullable String heading, List<Row> rows) implements Block {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A table with a header row; long cells wrap, and the header repeats on every page the table
     * runs onto.
     *
     * @param heading a line above the table, or {@literal null}
     * @param header  the column titles; every row has as many cells
     * @param rows    the body rows
     * @param weights relative column widths, one per column (empty for equal widths)
     */
    public record Table(@Nullable String heading, List<String> header, List<List<String>> rows, List<Double> weights) implements Block {
        public Table {
            header = List.copyOf(header);
            if (header.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            List<List<String>> copy = new ArrayList<>();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
                }
                copy.add(List.copyOf(row));
            }
            rows = Collections.unmodifiableList(copy);
            weights = List.copyOf(weights);
            if (!weights.isEmpty() && weights.size() != header.size()) {
                throw new IllegalArgumentException("one weight per column");
            }
        }

        public static Table of(@Nullable String heading, List<String> header, List<List<String>> rows) {
            return new Table(heading, header, rows, List.of());
        }
    }

    /** Running text; Chinese wraps at any character, Latin text between words; a newline starts a new line. */
    public record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A QR code of {@code content} (UTF-8, error correction M) with an optional caption under it.
     * As a block it stands right-aligned where it is placed; as {@link PdfDocument#qr()} at the
     * bottom right of the last page.
     *
     * @param size the printed edge length in points (72 points = 1 inch); 90 is about 32 mm
     */
    public record QrCode(String content, @Nullable String caption, float size) implements Block {
        public QrCode {
            if (content == null || content.isEmpty()) {
                throw new IllegalArgumentException("QR content must not be empty");
            }
            if (size < 36 || size > 400) {
                throw new IllegalArgumentException("QR size must be between 36 and 400 points");
            }
        }

        public QrCode(String content, @Nullable String caption) {
            this(content, caption, 90);
        }
    }

    /** Collects a document's parts; not thread-safe, build once. */
    public static final class Builder {

        private final String title;
        private @Nullable String subtitle;
        private final List<Block> blocks = new ArrayList<>();
        private @Nullable QrCode qr;
        private @Nullable String footer;
        private @Nullable Mark mark;

        private Builder(String title) {
            this.title = title;
        }

        public Builder subtitle(@Nullable String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        public Builder section(@Nullable String heading, Consumer<SectionBuilder> rows) {
            SectionBuilder section = new SectionBuilder();
            rows.accept(section);
            blocks.add(new Section(heading, section.rows));
            return this;
        }

        public Builder table(Table table) {
            blocks.add(table);
            return this;
        }

        public Builder table(@Nullable String heading, List<String> header, List<List<String>> rows) {
            return table(Table.of(heading, header, rows));
        }

        public Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        /** A QR code right here in the flow, right-aligned. */
        public Builder inlineQr(String content, @Nullable String caption) {
            blocks.add(new QrCode(content, caption));
            return this;
        }

        /** The QR code at the bottom right of the last page. */
        public Builder qr(String content, @Nullable String caption) {
            this.qr = new QrCode(content, caption);
            return this;
        }

        public Builder qr(@Nullable QrCode qr) {
            this.qr = qr;
            return this;
        }

        public Builder footer(@Nullable String footer) {
            this.footer = footer;
            return this;
        }

        /** Marks every page (see {@link Mark}). */
        public Builder mark(String stamp, String notice) {
            this.mark = new Mark(stamp, notice);
            return this;
        }

        public Builder block(Block block) {
            blocks.add(block);
            return this;
        }

        public PdfDocument build() {
            return new PdfDocument(title, subtitle, blocks, qr, footer, mark);
        }
    }

    /** Collects the rows of a section. */
    public static final class SectionBuilder {

        private final List<Row> rows = new ArrayList<>();

        public SectionBuilder row(String label, @Nullable String value) {
            rows.add(new Row(label, value == null ? "" : value));
            return this;
        }
    }
}
