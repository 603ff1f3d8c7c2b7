package org.hall24.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * An enterprise's unified social credit code (统一社会信用代码) as GB 32100-2015 defines it:
 * 18 characters from {@code 0-9A-HJ-NPQRTUWXY} (no I, O, S, V, Z) — registering authority,
 * kind of entity, region (6 digits), organisation code (9 characters) — and a check character
 * computed modulo 31 with the weights 3^i mod 31.
 *
 * @param value the 18 characters, upper case
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a text is not a valid code. */
    public enum Problem {
        /** Not 18 characters of the code's alphabet. */
        FORMAT,
        /** The check character does not match. */
        CHECK_CHARACTER
    }

    public UnifiedSocialCreditCode {
        Optional<Problem> problem = problemOf(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Not a valid unified social credit code (" + problem.get() + "): " + value);
        }
    }

    public static UnifiedSocialCreditCode of(String text) {
        return new UnifiedSocialCreditCode(text.strip().toUpperCase(Locale.ROOT));
    }

    public static Optional<Problem> problemOf(String text) {
        if (text == null || text.length() != 18) {
            return Optional.of(Problem.FORMAT);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return Optional.of(Problem.FORMAT);
            }
        }
        return text.charAt(17) == checkCharacter(text.substring(0, 17)) ? Optional.empty()
                : Optional.of(Problem.CHECK_CHARACTER);
    }

    /** The check character of the first 17 characters (which must be of the code's alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The six-digit administrative region of registration. */
    public String regionCode() {
        return value.substring(2, 8);
    }
}
