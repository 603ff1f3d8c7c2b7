package org.hall24.notifications.internal.staff;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hall24.notifications.ContactRole;
import org.hall24.shared.EmailAddress;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;

/**
 * A contact as an admin entered it (the page's form, the API's body), before it is checked: every
 * field a text. {@link #check()} reads it into {@link Details} or names every field that is wrong.
 *
 * @param department required for collectors and reviewers, ignored for duty operators
 * @param email optional
 * @param smsFrom {@code HH:mm}
 * @param smsUntil {@code HH:mm}, or {@code 24:00}
 */
public record ContactInput(@Nullable String displayName, @Nullable String role, @Nullable String department,
        @Nullable String hall, @Nullable String phone, @Nullable String email, @Nullable String smsFrom,
        @Nullable String smsUntil, boolean enabled) {

    static final int MAX_NAME = 50;

    /** The checked contact: values normalised (codes upper-case, the phone's 11 digits, the domain lower-case). */
    public record Details(String displayName, ContactRole role, @Nullable String department, String hall, MobileNumber phone,
            @Nullable EmailAddress email, SmsHours hours, boolean enabled) {
    }

    /**
     * One field that is wrong.
     *
     * @param field the field's name, as the form and the API spell it
     * @param code the message's key under {@code notifications.contacts.violation.}
     * @param reason the same in English, for the API
     */
    public record Violation(String field, String code, String reason) {

        public String messageKey() {
            return "notifications.contacts.violation." + code;
        }
    }

    /** Either the details, or every violation (at most one per field). */
    public record Checked(@Nullable Details details, List<Violation> violations) {

        public boolean ok() {
            return details != null;
        }
    }

    public Checked check() {
        List<Violation> violations = new ArrayList<>();
        String name = blank(displayName) ? "" : displayName.strip();
        if (name.isEmpty()) {
            violations.add(new Violation("displayName", "name.missing", "is required"));
        }
        else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            violations.add(new Violation("displayName", "name.too-long", "must be at most " + MAX_NAME + " characters"));
        }
        ContactRole parsedRole = null;
        if (blank(role)) {
            violations.add(new Violation("role", "role.missing", "is required: COLLECTOR, REVIEWER or DUTY_OPERATOR"));
        }
        else {
            try {
                parsedRole = ContactRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                violations.add(new Violation("role", "role.unknown", "must be COLLECTOR, REVIEWER or DUTY_OPERATOR"));
            }
        }
        String departmentCode = null;
        if (parsedRole != null && parsedRole != ContactRole.DUTY_OPERATOR) {
            if (blank(department)) {
                violations.add(new Violation("department", "department.missing", "is required for a collector or a reviewer"));
            }
            else {
                departmentCode = department.strip().toUpperCase(Locale.ROOT);
                if (!departmentCode.matches("[A-Z][A-Z0-9]{1,19}")) {
                    violations.add(new Violation("department", "department.invalid",
                            "must be a department's code: 2 to 20 letters and digits, e.g. GJJ"));
                }
            }
        }
        String hallCode = blank(hall) ? "" : hall.strip().toUpperCase(Locale.ROOT);
        if (hallCode.isEmpty()) {
            violations.add(new Violation("hall", "hall.missing", "is required"));
        }
        else if (hallCode.length() > 20 || !hallCode.matches("[A-Z0-9]+(-[A-Z0-9]+)*")) {
            violations.add(new Violation("hall", "hall.invalid", "must be a hall's code, e.g. JLP-YJP"));
        }
        MobileNumber mobile = null;
        if (blank(phone)) {
            violations.add(new Violation("phone", "phone.missing", "is required"));
        }
        else {
            Optional<String> problem = MobileNumber.problemOf(phone);
            if (problem.isPresent()) {
                violations.add(new Violation("phone", "phone.invalid", "is not a mainland mobile number: " + problem.get()));
            }
            else {
                mobile = MobileNumber.of(phone);
            }
        }
        EmailAddress address = null;
        if (!blank(email)) {
            Optional<String> problem = EmailAddress.problemOf(email);
            if (problem.isPresent()) {
                violations.add(new Violation("email", "email.invalid", "is not an e-mail address: " + problem.get()));
            }
            else {
                address = EmailAddress.of(email);
            }
        }
        Optional<LocalTime> from = SmsHours.parse(smsFrom == null ? "" : smsFrom, false);
        if (from.isEmpty()) {
            violations.add(new Violation("smsFrom", "hours.from.invalid", "must be a time of day, 00:00 to 23:59"));
        }
        Optional<LocalTime> until = SmsHours.parse(smsUntil == null ? "" : smsUntil, true);
        if (until.isEmpty()) {
            violations.add(new Violation("smsUntil", "hours.until.invalid", "must be a time of day, 00:00 to 24:00"));
        }
        if (!violations.isEmpty()) {
            return new Checked(null, List.copyOf(violations));
        }
        return new Checked(new Details(name, parsedRole, departmentCode, hallCode, mobile, address,
                new SmsHours(from.get(), until.get()), enabled), List.of());
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
