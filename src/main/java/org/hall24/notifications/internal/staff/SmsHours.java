package org.hall24.notifications.internal.staff;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The hours in which a contact takes SMS, in the hall's local time: from {@link #from} (included)
 * until {@link #until} (excluded). {@code until} before {@code from} spans midnight
 * ({@code 22:00–06:00}); {@code until} equal to {@code from} is the whole day, as duty operators
 * have it ({@code 00:00–24:00}, stored as 00:00–00:00). Written {@code HH:mm}; {@code 24:00} is
 * read as midnight at the end of the day.
 */
public record SmsHours(LocalTime from, LocalTime until) {

    public static final SmsHours ALL_DAY = new SmsHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    public SmsHours {
        from = from.withSecond(0).withNano(0);
        until = until.withSecond(0).withNano(0);
    }

    /** Whether a contact with these hours is texted at this local time. */
    public boolean contains(LocalTime time) {
        if (from.equals(until)) {
            return true;
        }
        if (from.isBefore(until)) {
            return !time.isBefore(from) && time.isBefore(until);
        }
        return !time.isBefore(from) || time.isBefore(until);
    }

    public boolean allDay() {
        return from.equals(until);
    }

    /** {@code 08:30}. */
    public String fromText() {
        return HH_MM.format(from);
    }

    /** {@code 18:00}; {@code 24:00} for midnight at the end of a day that began after it. */
    public String untilText() {
        return until.equals(LocalTime.MIDNIGHT) ? "24:00" : HH_MM.format(until);
    }

    @Override
    public String toString() {
        return fromText() + "–" + untilText();
    }

    /** A time of day as an admin writes it: {@code 8:30}, {@code 08:30}; empty if it is not one. */
    static Optional<LocalTime> parse(String text, boolean endOfDayAllowed) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (endOfDayAllowed && (stripped.equals("24:00") || stripped.equals("24:00:00"))) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        if (!stripped.matches("\\d{1,2}:\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(stripped.length() == 4 ? "0" + stripped : stripped, HH_MM));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
