package org.hall24.departments;

import java.util.Objects;

import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.Masking;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.jspecify.annotations.Nullable;

/**
 * Who asks: the identified citizen, and the enterprise when a clerk acts for one.
 *
 * @param name       the name as read from the ID card
 * @param idNumber   the resident ID number
 * @param enterprise the enterprise's unified social credit code, or {@literal null} for a private person
 */
public record Applicant(String name, ChineseIdNumber idNumber, @Nullable UnifiedSocialCreditCode enterprise) {

    public Applicant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
    }

    public Applicant(String name, ChineseIdNumber idNumber) {
        this(name, idNumber, null);
    }

    /** Masked: personal data never reaches a log through this. */
    @Override
    public String toString() {
        return "Applicant[" + Masking.name(name) + ", " + idNumber.masked() + (enterprise == null ? "" : ", " + enterprise) + "]";
    }
}
