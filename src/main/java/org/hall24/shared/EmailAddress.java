package org.hall24.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address a message can be sent to: {@code local@domain}, one {@code @}, a domain with
 * a dot, no spaces, at most 254 characters (RFC 5321's path limit). Stored lower-cased in its
 * domain. {@link #toString()} is masked ({@code z***@example.cn}).
 *
 * @param value the address
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@<>()\\[\\],;:\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (problemOf(value).isPresent()) {
            throw new IllegalArgumentException("Not an e-mail address: " + Masking.email(value));
        }
    }

    public static EmailAddress of(String text) {
        String stripped = text.strip();
        int at = stripped.lastIndexOf('@');
        return new EmailAddress(at < 0 ? stripped : stripped.substring(0, at + 1) + stripped.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /** Why a text is not an e-mail address; empty when it is one. */
    public static Optional<String> problemOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("missing");
        }
        if (text.length() > 254) {
            return Optional.of("longer than 254 characters");
        }
        if (!SHAPE.matcher(text.strip()).matches()) {
            return Optional.of("must look like name@example.cn");
        }
        return Optional.empty();
    }

    public String masked() {
        return Masking.email(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
