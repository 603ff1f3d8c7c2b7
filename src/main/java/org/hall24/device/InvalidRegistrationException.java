package org.hall24.device;

import java.util.List;

/** A registration the registry refuses; nothing was saved. */
public class InvalidRegistrationException extends RuntimeException {

    private final List<RegistrationViolation> violations;

    public InvalidRegistrationException(List<RegistrationViolation> violations) {
        super("Invalid device registration: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<RegistrationViolation> violations() {
        return violations;
    }
}
