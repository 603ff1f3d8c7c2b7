package org.hall24.applications;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The result of checking a submitted form.
 *
 * @param values the submitted values as typed JSON (numbers, booleans, arrays), unknown fields dropped;
 *               values that could not be typed are left out
 * @param errors at most one per field, in form order; empty when the form is valid
 */
public record FormCheck(JsonNode values, List<FieldError> errors) {

    public FormCheck {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The message for a field, if it has one. */
    public Optional<String> errorOf(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst();
    }
}
