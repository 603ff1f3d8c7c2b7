package org.hall24.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hall24.platform.InvalidParameterException.InvalidParameter;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads query and path parameters, collecting every refusal so that one answer names them all.
 * A blank value counts as absent; a parameter the endpoint does not take, or one given twice,
 * is refused.
 */
public final class ApiParameters {

    private final List<InvalidParameter> invalid = new ArrayList<>();

    public ApiParameters(HttpServletRequest request, List<String> accepted) {
        request.getParameterMap().forEach((name, values) -> {
            if (!accepted.contains(name)) {
                refuse(name, accepted.isEmpty() ? "is not a parameter of this endpoint, which takes none"
                        : "is not a parameter of this endpoint, which takes " + String.join(", ", accepted));
            }
            else if (values.length > 1) {
                refuse(name, "is given more than once");
            }
        });
    }

    /** A parameter's text, stripped; {@code null} when absent, blank or already refused. */
    public @Nullable String text(String name, @Nullable String value) {
        return text(name, value, Integer.MAX_VALUE);
    }

    /** As {@link #text(String, String)}, refusing a text longer than {@code maxLength} code points. */
    public @Nullable String text(String name, @Nullable String value, int maxLength) {
        if (refused(name) || value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > maxLength) {
            refuse(name, "is longer than " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** An integer from {@code min} to {@code max}; the default when absent. */
    public int integer(String name, @Nullable String value, int defaultValue, int min, int max) {
        String text = text(name, value, Integer.MAX_VALUE);
        if (text == null) {
            return defaultValue;
        }
        String range = max == Integer.MAX_VALUE ? "an integer from " + min : "an integer from " + min + " to " + max;
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException e) {
            // refused below
        }
        refuse(name, "'" + text + "' is not " + range);
        return defaultValue;
    }

    /** One of an enum's constants, by exact name; {@code null} when absent. */
    public <E extends Enum<E>> @Nullable E constant(String name, @Nullable String value, Class<E> type) {
        String text = text(name, value, Integer.MAX_VALUE);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        refuse(name, "'" + text + "' is not one of " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        return null;
    }

    /** Refuses a parameter, for a check the caller makes itself. */
    public void refuse(String name, String reason) {
        invalid.add(new InvalidParameter(name, reason));
    }

    private boolean refused(String name) {
        return invalid.stream().anyMatch(p -> p.name().equals(name));
    }

    /**
     * @throws InvalidParameterException naming every refused parameter, if any
     */
    public void check() {
        if (!invalid.isEmpty()) {
            throw new InvalidParameterException(invalid);
        }
    }
}
