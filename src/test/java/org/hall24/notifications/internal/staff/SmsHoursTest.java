package org.hall24.notifications.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which local times fall within a contact's SMS hours. */
class SmsHoursTest {

    @ParameterizedTest(name = "{0}–{1} at {2}: {3}")
    @CsvSource(textBlock = """
            08:30, 18:00, 08:29, false
            08:30, 18:00, 08:30, true
            08:30, 18:00, 17:59, true
            08:30, 18:00, 18:00, false
            08:30, 18:00, 03:00, false
            22:00, 06:00, 21:59, false
            22:00, 06:00, 22:00, true
            22:00, 06:00, 23:59, true
            22:00, 06:00, 00:00, true
            22:00, 06:00, 05:59, true
            22:00, 06:00, 06:00, false
            00:00, 24:00, 00:00, true
            00:00, 24:00, 03:00, true
            00:00, 24:00, 23:59, true
            18:00, 24:00, 23:59, true
            18:00, 24:00, 00:00, false
            18:00, 24:00, 17:59, false
            """)
    void aTimeIsWithinTheHoursFromTheStartUntilBeforeTheEndAcrossMidnightWhenTheEndComesFirst(String from, String until,
            String at, boolean within) {
        SmsHours hours = new SmsHours(SmsHours.parse(from, false).orElseThrow(), SmsHours.parse(until, true).orElseThrow());

        assertThat(hours.contains(LocalTime.parse(at))).isEqualTo(within);
    }

    @ParameterizedTest(name = "{0}–{1} is shown {2}")
    @CsvSource(textBlock = """
            8:30,  18:00, 08:30–18:00
            00:00, 24:00, 00:00–24:00
            22:00, 06:00, 22:00–06:00
            """)
    void hoursAreShownAsTheAdminWroteThemWithMidnightAtTheEndAs2400(String from, String until, String shown) {
        SmsHours hours = new SmsHours(SmsHours.parse(from, false).orElseThrow(), SmsHours.parse(until, true).orElseThrow());

        assertThat(hours.toString()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "''{0}'' is not a start")
    @CsvSource({"24:00", "25:00", "8", "08:60", "8.30", "abc", "''"})
    void aStartThatIsNotATimeOfDayIsRefused(String text) {
        assertThat(SmsHours.parse(text, false)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is not an end")
    @CsvSource({"24:01", "25:00", "-1:00", "''"})
    void anEndThatIsNotATimeOfDayOr2400IsRefused(String text) {
        assertThat(SmsHours.parse(text, true)).isEmpty();
    }
}
