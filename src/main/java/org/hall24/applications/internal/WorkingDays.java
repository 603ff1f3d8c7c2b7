package org.hall24.applications.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days: Monday to Friday. Public holidays and the adjusted working weekends of the State
 * Council's yearly calendar are not modelled yet (docs/applications.md).
 */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code start}; {@code start} itself for 0 (instant items). */
    static LocalDate after(LocalDate start, int days) {
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }
}
