package org.hall24.device;

/**
 * Why a device registration is refused, for one field of {@link RegisterDevice}.
 *
 * @param field the record component, e.g. {@code serial}
 * @param messageKey the message explaining it, e.g. {@code device.violation.serial-taken}
 */
public record RegistrationViolation(String field, String messageKey) {
}
