package org.hall24.applications.internal;

import java.time.LocalDate;

/** Test access to the package-private working-day rule. */
public final class WorkingDaysAccess {

    private WorkingDaysAccess() {
    }

    public static LocalDate after(LocalDate start, int days) {
        return WorkingDays.after(start, days);
    }
}
