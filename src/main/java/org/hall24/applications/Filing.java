package org.hall24.applications;

import org.hall24.shared.Applicant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A submitted application (申办件), decrypted for the reader. Reading one is an access to
 * personal data: the facade audits it.
 *
 * @param id the filing's id
 * @param number its number, {@code <hall>-<yyyyMMdd>-<department>-<6-digit sequence>-<check>} (see {@link FilingNumber})
 * @param itemCode the item
 * @param itemVersion the item version it was filed under
 * @param status where it stands
 * @param applicant who applied
 * @param form the form values as typed JSON (an empty object for items without a form)
 * @param materials the stored files
 * @param deviceCode the kiosk it was submitted at
 * @param submittedAt when
 * @param dueDate the promised date: promised working days after the submission date (weekends skipped;
 *                no holiday calendar yet); the submission date itself for instant items
 * @param hallCode the hall of that kiosk, the number's prefix
 */
public record Filing(UUID id, String number, String itemCode, int itemVersion, FilingStatus status, Applicant applicant,
        JsonNode form, List<FiledMaterial> materials, String deviceCode, Instant submittedAt, LocalDate dueDate,
        String hallCode) {

    public Filing {
        materials = List.copyOf(materials);
    }

    @Override
    public String toString() {
        return "Filing[" + number + ", " + itemCode + "@" + itemVersion + ", " + status + ", " + applicant + "]";
    }
}
