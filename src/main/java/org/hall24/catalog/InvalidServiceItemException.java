package org.hall24.catalog;

import java.util.List;

/** An item definition that breaks catalog rules; nothing was saved. */
public class InvalidServiceItemException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidServiceItemException(String code, List<FieldViolation> violations) {
        super("Item " + code + " is invalid: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
