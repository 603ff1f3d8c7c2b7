package org.hall24.shared;

import java.util.Optional;

/**
 * A mainland China mobile number (11 digits, {@code 1[3-9]…}), the number SMS reach. Spaces,
 * hyphens and a {@code +86} / {@code 0086} prefix are accepted on input and dropped.
 * {@link #toString()} is masked ({@code 138****5678}).
 *
 * @param value the 11 digits
 */
public record MobileNumber(String value) {

    public MobileNumber {
        if (problemOf(value).isPresent()) {
            throw new IllegalArgumentException("Not a mainland mobile number: " + Masking.phone(value));
        }
    }

    public static MobileNumber of(String text) {
        return new MobileNumber(normalise(text));
    }

    /** Why a text is not a mobile number, once normalised; empty when it is one. */
    public static Optional<String> problemOf(String text) {
        if (text == null) {
            return Optional.of("missing");
        }
        String digits = normalise(text);
        if (!digits.matches("\\d{11}")) {
            return Optional.of("must be 11 digits");
        }
        if (!digits.matches("1[3-9]\\d{9}")) {
            return Optional.of("must start with 13 to 19");
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String digits = text.strip().replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits;
    }

    public String masked() {
        return Masking.phone(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
