package org.hall24.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who applies: the identified person, and the enterprise they act for when they act for one.
 * {@link #toString()} is masked, so an applicant never reaches a log in clear.
 *
 * @param name the name read from the ID card
 * @param idNumber the ID number read from the ID card
 * @param enterprise the enterprise's credit code when a clerk applies for an enterprise
 * @param phone the verified phone for notifications, if any
 */
public record Applicant(String name, ChineseIdNumber idNumber, @Nullable UnifiedSocialCreditCode enterprise,
        @Nullable MobileNumber phone) {

    public Applicant {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(idNumber, "idNumber");
    }

    /** A private person, with no phone verified yet. */
    public Applicant(String name, ChineseIdNumber idNumber) {
        this(name, idNumber, null, null);
    }

    /** The name with only the family name shown: {@code 张**}. */
    public String maskedName() {
        return Masking.name(name);
    }

    @Override
    public String toString() {
        return "Applicant[" + maskedName() + ", " + idNumber.masked() + (enterprise == null ? "" : ", " + enterprise.value())
                + (phone == null ? "" : ", " + phone.masked()) + "]";
    }
}
