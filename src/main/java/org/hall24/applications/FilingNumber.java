package org.hall24.applications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Filing numbers: {@code <hall code>-<yyyyMMdd>-<department>-<6-digit sequence>-<check>}, e.g.
 * {@code JLP-YJP-20261128-WJ-000042-7}. The sequence counts a hall's filings of one day (all
 * departments together), kept in the database so that every node draws from the same counter; the
 * check character is ISO 7064 MOD 37,36 (hybrid) over the letters and digits before it, so any single
 * mistyped character and most swaps of neighbours are caught before a lookup.
 */
public final class FilingNumber {

    private static final Pattern FORMAT =
            Pattern.compile("[A-Z0-9]{1,10}(-[A-Z0-9]{1,10})*-\\d{8}-[A-Z]{2,4}-\\d{6}-[0-9A-Z]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** Why a text is not a filing number. */
    public enum Problem {
        /** Not of the number's shape. */
        FORMAT,
        /** The check character does not match: a typo. */
        CHECK_CHARACTER
    }

    private FilingNumber() {
    }

    /** The number of a hall's {@code sequence}-th filing of a day. */
    public static String of(String hallCode, LocalDate day, String department, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("daily sequence out of range: " + sequence);
        }
        String body = hallCode.toUpperCase(Locale.ROOT) + "-" + DAY.format(day) + "-" + department.toUpperCase(Locale.ROOT)
                + "-" + String.format("%06d", sequence);
        return body + "-" + checkCharacter(body);
    }

    /** The text as a number would be typed: upper case, spaces dropped. */
    public static String normalise(String text) {
        return text.strip().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** What is wrong with a (normalised) text as a filing number; empty when it is well-formed. */
    public static Optional<Problem> problemOf(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        String body = text.substring(0, text.length() - 2);
        return text.charAt(text.length() - 1) == checkCharacter(body) ? Optional.empty()
                : Optional.of(Problem.CHECK_CHARACTER);
    }

    /** ISO 7064 MOD 37,36 check character over the letters and digits of the text (hyphens ignored). */
    public static char checkCharacter(String text) {
        int m = 36;
        int p = m;
        for (int i = 0; i < text.length(); i++) {
            int value = Character.digit(text.charAt(i), 36);
            if (value < 0) {
                continue;
            }
            int s = (p + value) % m;
            if (s == 0) {
                s = m;
            }
            p = (s * 2) % (m + 1);
        }
        int check = (m + 1 - p) % m;
        return Character.toUpperCase(Character.forDigit(check, 36));
    }
}
