package org.hall24.departments.simulated;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantAnswer.Field;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/** Answers and checks several simulated backends share. */
final class Answers {

    private Answers() {
    }

    static LocalizedText t(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    static LocalizedText same(String text) {
        return new LocalizedText(text, text);
    }

    static InstantAnswer noRecord(Ask ask, String zh, String en) {
        return InstantAnswer.noRecord(ask.title(), t(zh, en));
    }

    static InstantAnswer refused(Ask ask, String zh, String en) {
        return InstantAnswer.refused(ask.title(), t(zh, en));
    }

    /** The period of a {@code startDate}/{@code endDate} form, or a refusal to say what is wrong with it. */
    record Period(@Nullable YearMonth from, @Nullable YearMonth to, @Nullable InstantAnswer refusal) {

        static Period of(Ask ask, int maxMonths) {
            LocalDate start = ask.date("startDate");
            LocalDate end = ask.date("endDate");
            if (ask.value("startDate") == null && ask.value("endDate") == null) {
                YearMonth now = YearMonth.from(ask.today());
                return new Period(now.minusMonths(11), now, null);
            }
            if (start == null || end == null) {
                return new Period(null, null, refused(ask, "请填写正确的查询起止日期（如 2026-01-01）。",
                        "Please enter valid start and end dates (e.g. 2026-01-01)."));
            }
            if (end.isBefore(start)) {
                return new Period(null, null, refused(ask, "截止日期不能早于起始日期。", "The end date cannot be before the start date."));
            }
            if (start.isAfter(ask.today())) {
                return new Period(null, null, refused(ask, "起始日期不能晚于今天。", "The start date cannot be in the future."));
            }
            YearMonth from = YearMonth.from(start);
            YearMonth to = YearMonth.from(end.isAfter(ask.today()) ? ask.today() : end);
            if (from.plusMonths(maxMonths - 1).isBefore(to)) {
                return new Period(null, null, refused(ask, "一次最多查询" + maxMonths + "个月，请缩短查询期间。",
                        "At most " + maxMonths + " months can be queried at once; please shorten the period."));
            }
            return new Period(from, to, null);
        }

        List<YearMonth> months() {
            List<YearMonth> months = new ArrayList<>();
            if (from == null || to == null) {
                return months;
            }
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                months.add(m);
            }
            return months;
        }
    }

    /** An appointment: date and slot from the form, checked, with a deterministic number. */
    static InstantAnswer appointment(Ask ask, String prefix, LocalizedText place) {
        LocalDate date = ask.date("appointmentDate");
        if (date == null) {
            return refused(ask, "请选择预约日期。", "Please choose a date.");
        }
        if (!date.isAfter(ask.today())) {
            return refused(ask, "只能预约明天及以后的日期。", "Appointments can be made from tomorrow on.");
        }
        if (date.isAfter(ask.today().plusDays(30))) {
            return refused(ask, "只能预约30天以内的日期。", "Appointments can be made at most 30 days ahead.");
        }
        String slot = ask.value("timeSlot");
        int number = 1 + (int) Math.floorMod(ask.hash("slot"), 60);
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("预约号", "Appointment number", String.format("%s-%03d", slot == null ? "A" : slot, number)));
        if (ask.value("businessType") != null) {
            fields.add(new Field(ask.fieldTitle("businessType"), ask.valueTitle("businessType", ask.value("businessType"))));
        }
        if (ask.value("subject") != null) {
            fields.add(new Field(ask.fieldTitle("subject"), ask.valueTitle("subject", ask.value("subject"))));
        }
        fields.add(Field.of("预约日期", "Date", Ask.day(date)));
        if (slot != null) {
            fields.add(new Field(ask.fieldTitle("timeSlot"), ask.valueTitle("timeSlot", slot)));
        }
        fields.add(new Field(t("办理地点", "Place"), place));
        fields.add(Field.of("温馨提示", "Note", "请携带本人身份证原件，在预约时段内到达并取号，过时段需重新预约。",
                "Bring your original ID card and arrive within the booked time slot; a missed slot must be booked again."));
        return InstantAnswer.ok(ask.reference(prefix), t(ask.title().zh() + "成功", "Booked: " + ask.title().en()), fields, null, true);
    }
}
