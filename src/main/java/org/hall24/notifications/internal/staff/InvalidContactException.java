package org.hall24.notifications.internal.staff;

import java.util.List;

/** A contact an admin entered was refused; nothing was saved. */
public class InvalidContactException extends RuntimeException {

    private final List<ContactInput.Violation> violations;

    public InvalidContactException(List<ContactInput.Violation> violations) {
        super("invalid contact: " + String.join(", ", violations.stream().map(ContactInput.Violation::field).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<ContactInput.Violation> violations() {
        return violations;
    }
}
