package org.hall24.applications;

/**
 * Where a form field's first value can come from: the identified applicant. Chosen by
 * {@code x-prefill} in the schema, or else by the field's {@code x-format} and name (see
 * docs/applications.md).
 */
public enum Prefill {
    /** The applicant's name. */
    NAME,
    /** The applicant's ID number. */
    ID_NUMBER,
    /** The applicant's verified phone. */
    PHONE,
    /** The credit code of the enterprise the applicant acts for. */
    ENTERPRISE
}
