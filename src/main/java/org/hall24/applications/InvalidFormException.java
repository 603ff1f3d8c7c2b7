package org.hall24.applications;

import java.util.List;

/** A submitted form broke its schema; the draft kept the submitted text. */
public class InvalidFormException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidFormException(List<FieldError> errors) {
        super("the form has " + errors.size() + " invalid field(s): "
                + String.join(", ", errors.stream().map(FieldError::field).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
