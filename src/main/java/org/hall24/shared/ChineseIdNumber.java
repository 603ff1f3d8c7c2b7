package org.hall24.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A resident identity number (公民身份号码) as GB 11643-1999 defines it: 6 digits of the
 * administrative region of household registration (GB/T 2260), 8 digits of the birth date
 * (YYYYMMDD), 3 digits of sequence (odd for men, even for women) and a check character computed
 * with ISO 7064 MOD 11-2 ({@code 0}–{@code 9} or {@code X}).
 *
 * <p>{@link #toString()} is masked, so an ID number never reaches a log in clear by accident; the
 * clear value is {@link #value()}.
 *
 * @param value the 18 characters, upper case
 */
public record ChineseIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** The province-level codes of GB/T 2260 (first two digits), plus 71/81/82 for Taiwan, Hong Kong, Macao. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82");

    /** Why a text is not a valid ID number. */
    public enum Problem {
        /** Not 17 digits followed by a digit or X. */
        FORMAT,
        /** The first digits are no region of GB/T 2260. */
        REGION,
        /** Not a real date, before 1900, or in the future. */
        BIRTH_DATE,
        /** The check character does not match. */
        CHECK_DIGIT
    }

    public ChineseIdNumber {
        Optional<Problem> problem = problemOf(value, LocalDate.now());
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Not a valid ID number (" + problem.get() + "): " + Masking.idNumber(value));
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    /**
     * Reads an ID number, ignoring surrounding spaces and a lower-case x.
     *
     * @throws IllegalArgumentException if it is not valid (the message is masked)
     */
    public static ChineseIdNumber of(String text) {
        return new ChineseIdNumber(text.strip().toUpperCase(Locale.ROOT));
    }

    /** What is wrong with a text as an ID number on a given day, or empty when it is valid. */
    public static Optional<Problem> problemOf(String text, LocalDate today) {
        if (text == null || !text.matches("\\d{17}[\\dXx]")) {
            return Optional.of(Problem.FORMAT);
        }
        if (!PROVINCES.contains(text.substring(0, 2)) || text.startsWith("0000", 2)) {
            return Optional.of(Problem.REGION);
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(today)) {
                return Optional.of(Problem.BIRTH_DATE);
            }
        }
        catch (DateTimeException e) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (Character.toUpperCase(text.charAt(17)) != checkCharacter(text.substring(0, 17))) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** The six-digit region of household registration, e.g. {@code 500107} (Jiulongpo, Chongqing). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** {@code 5001**********1234}: what screens and logs show. */
    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
