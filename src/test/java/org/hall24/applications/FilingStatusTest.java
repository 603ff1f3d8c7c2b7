package org.hall24.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hall24.catalog.HandlingType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FilingStatusTest {

    @ParameterizedTest(name = "{0} → {1} ({2}): {3}")
    @CsvSource(textBlock = """
            SUBMITTED,            ACCEPTED,             PROMISED, true
            SUBMITTED,            WITHDRAWN,            PROMISED, true
            SUBMITTED,            APPROVED,             PROMISED, false
            SUBMITTED,            APPROVED,             INSTANT,  true
            SUBMITTED,            IN_REVIEW,            PROMISED, false
            ACCEPTED,             IN_REVIEW,            PROMISED, true
            ACCEPTED,             WITHDRAWN,            PROMISED, true
            ACCEPTED,             APPROVED,             PROMISED, false
            ACCEPTED,             APPROVED,             INSTANT,  false
            IN_REVIEW,            APPROVED,             PROMISED, true
            IN_REVIEW,            REJECTED,             PROMISED, true
            IN_REVIEW,            CORRECTION_REQUESTED, PROMISED, true
            IN_REVIEW,            WITHDRAWN,            PROMISED, false
            CORRECTION_REQUESTED, SUBMITTED,            PROMISED, true
            CORRECTION_REQUESTED, APPROVED,             PROMISED, false
            APPROVED,             REJECTED,             PROMISED, false
            REJECTED,             SUBMITTED,            PROMISED, false
            WITHDRAWN,            SUBMITTED,            PROMISED, false
            """)
    void transitionsFollowTheOneTable(FilingStatus from, FilingStatus to, HandlingType handling, boolean allowed) {
        assertThat(from.canMoveTo(to, handling)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(value = FilingStatus.class, names = {"APPROVED", "REJECTED", "WITHDRAWN"})
    void completedRejectedAndWithdrawnAreFinal(FilingStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(status.next(HandlingType.INSTANT)).isEmpty();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource(textBlock = """
            2026-11-27, 0, 2026-11-27
            2026-11-27, 1, 2026-11-30
            2026-11-27, 5, 2026-12-04
            2026-11-28, 1, 2026-11-30
            2026-11-30, 5, 2026-12-07
            2026-11-30, 10, 2026-12-14
            """)
    void dueDatesSkipWeekends(LocalDate start, int days, LocalDate due) {
        assertThat(org.hall24.applications.internal.WorkingDaysAccess.after(start, days)).isEqualTo(due);
    }
}
