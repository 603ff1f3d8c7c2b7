package org.hall24.catalog;

import java.util.List;

/**
 * A field of an item definition that breaks a catalog rule.
 *
 * @param field the path of the field, e.g. {@code name.zh}, {@code materials[2].kind}, {@code form}
 * @param messageKey the message key of the explanation (in {@code messages_*.properties})
 * @param arguments the arguments of that message
 */
public record FieldViolation(String field, String messageKey, List<Object> arguments) {

    public FieldViolation(String field, String messageKey, Object... arguments) {
        this(field, messageKey, List.of(arguments));
    }
}
