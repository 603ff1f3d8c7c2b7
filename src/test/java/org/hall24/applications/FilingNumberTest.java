package org.hall24.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FilingNumberTest {

    static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void aNumberNamesHallDayDepartmentSequenceAndCheckCharacter() {
        String number = FilingNumber.of("JLP-YJP", LocalDate.of(2026, 11, 28), "WJ", 42);

        assertThat(number).matches("JLP-YJP-20261128-WJ-000042-[0-9A-Z]");
        assertThat(FilingNumber.problemOf(number)).isEmpty();
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        String number = FilingNumber.of("JLP-YJP", LocalDate.of(2026, 11, 28), "WJ", 42);
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) == '-') {
                continue;
            }
            for (char c : ALPHANUMERIC.toCharArray()) {
                if (c == number.charAt(i)) {
                    continue;
                }
                String typo = number.substring(0, i) + c + number.substring(i + 1);
                if (FilingNumber.problemOf(typo).isPresent()) {
                    continue;
                }
                throw new AssertionError("undetected typo " + typo + " of " + number);
            }
        }
    }

    @Test
    void swappedNeighbouringDigitsAreCaught() {
        String number = FilingNumber.of("JLP-YJP", LocalDate.of(2026, 11, 28), "WJ", 123456);
        String swapped = number.replace("123456", "124356");

        assertThat(FilingNumber.problemOf(swapped)).contains(FilingNumber.Problem.CHECK_CHARACTER);
    }

    @Test
    void wrongShapesAreFormatProblemsAndTypingIsNormalised() {
        assertThat(FilingNumber.problemOf("12345")).contains(FilingNumber.Problem.FORMAT);
        assertThat(FilingNumber.problemOf("JLP-YJP-2026112-WJ-000042-7")).contains(FilingNumber.Problem.FORMAT);
        String number = FilingNumber.of("JLP-YJP", LocalDate.of(2026, 11, 28), "WJ", 7);
        assertThat(FilingNumber.normalise(" " + number.toLowerCase() + " ")).isEqualTo(number);
    }
}
