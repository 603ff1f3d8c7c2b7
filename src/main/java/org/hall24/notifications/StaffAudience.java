package org.hall24.notifications;

import org.jspecify.annotations.Nullable;

/**
 * Who among the staff a message is for: every contact with the role, of the department (for
 * collectors and reviewers) or of the hall (for duty operators).
 *
 * @param department the department's code ({@code JLPGJJ}), for {@link ContactRole#COLLECTOR} and {@link ContactRole#REVIEWER}
 * @param hall the hall's code ({@code JLP-YJP}); whose duty operator hears what no one else may be texted about at night
 */
public record StaffAudience(ContactRole role, @Nullable String department, String hall) {

    public static StaffAudience collectors(String department, String hall) {
        return new StaffAudience(ContactRole.COLLECTOR, department, hall);
    }

    public static StaffAudience reviewers(String department, String hall) {
        return new StaffAudience(ContactRole.REVIEWER, department, hall);
    }

    public static StaffAudience dutyOperators(String hall) {
        return new StaffAudience(ContactRole.DUTY_OPERATOR, null, hall);
    }
}
