package org.hall24.departments;

import java.util.List;
import java.util.Objects;

import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A department's answer to an instant item.
 *
 * @param outcome   how it went
 * @param reference the department's reference number (业务编号, appointment number, invoice number …),
 *                  or {@literal null} when there is none (no record, refused, unavailable)
 * @param title     what the answer is, e.g. 住房公积金缴存信息
 * @param reason    for {@link Outcome#NO_RECORD}, {@link Outcome#REFUSED} and {@link Outcome#UNAVAILABLE}:
 *                  a sentence a citizen can read; otherwise {@literal null}
 * @param fields    labelled values, in display order
 * @param table     rows of records (contributions, withdrawals, properties …), or {@literal null}
 * @param printable whether the kiosk should offer to print it
 * @param simulated whether a simulated department system gave it (the demo's backends, not a
 *                  department): the kiosk screen and the print-out then carry a 模拟数据 / SIMULATED mark,
 *                  so that a made-up certificate or balance cannot pass for a real one
 */
public record InstantAnswer(Outcome outcome, @Nullable String reference, LocalizedText title, @Nullable LocalizedText reason,
        List<Field> fields, @Nullable Table table, boolean printable, boolean simulated) {

    public enum Outcome {
        /** Answered; the fields (and table) say what. */
        OK,
        /** The department holds no record for this person (or this number). */
        NO_RECORD,
        /** The department refuses, e.g. an amount out of range; {@link #reason()} says why. */
        REFUSED,
        /** The department's system is down or did not answer in time; try later or at the counter. */
        UNAVAILABLE
    }

    public InstantAnswer {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        if (outcome != Outcome.OK && reason == null) {
            throw new IllegalArgumentException("an answer that is not OK needs a reason");
        }
        if (outcome != Outcome.OK && printable) {
            throw new IllegalArgumentException("only an OK answer is printable");
        }
    }

    /** A labelled value; values that need no translation (numbers, dates, codes) carry the same text twice. */
    public record Field(LocalizedText label, LocalizedText value) {

        public static Field of(String zh, String en, String value) {
            return new Field(new LocalizedText(zh, en), new LocalizedText(value, value));
        }

        public static Field of(String zh, String en, String valueZh, String valueEn) {
            return new Field(new LocalizedText(zh, en), new LocalizedText(valueZh, valueEn));
        }
    }

    /** Records under a header; every row has one cell per column. */
    public record Table(LocalizedText heading, List<LocalizedText> header, List<List<LocalizedText>> rows) {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<LocalizedText> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
                }
            }
        }
    }

    public static InstantAnswer ok(String reference, LocalizedText title, List<Field> fields, @Nullable Table table, boolean printable) {
        return new InstantAnswer(Outcome.OK, reference, title, null, fields, table, printable, false);
    }

    public static InstantAnswer noRecord(LocalizedText title, LocalizedText reason) {
        return new InstantAnswer(Outcome.NO_RECORD, null, title, reason, List.of(), null, false, false);
    }

    public static InstantAnswer refused(LocalizedText title, LocalizedText reason) {
        return new InstantAnswer(Outcome.REFUSED, null, title, reason, List.of(), null, false, false);
    }

    public static InstantAnswer unavailable(LocalizedText title) {
        return new InstantAnswer(Outcome.UNAVAILABLE, null, title, new LocalizedText(
                "部门业务系统暂时无法连接，请稍后再试，或到人工窗口办理。",
                "The department's system cannot be reached right now. Please try again later or go to a staffed counter."),
                List.of(), null, false, false);
    }

    /** This answer, marked as given by a simulated department system. */
    public InstantAnswer asSimulated() {
        return new InstantAnswer(outcome, reference, title, reason, fields, table, printable, true);
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    /** Without the fields and records, which may hold personal data (names, amounts, addresses). */
    @Override
    public String toString() {
        return "InstantAnswer[" + outcome + ", " + reference + ", " + title.zh() + ", " + fields.size() + " fields"
                + (table == null ? "" : ", " + table.rows().size() + " rows") + (printable ? ", printable" : "")
                + (simulated ? ", simulated" : "") + "]";
    }
}
