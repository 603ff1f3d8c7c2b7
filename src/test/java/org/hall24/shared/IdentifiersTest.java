package org.hall24.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Chinese identifiers the kiosks read and the forms ask for: which are valid, why the others
 * are not, and how they are masked.
 */
class IdentifiersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            11010519491231002X, VALID
            11010519491231002x, VALID
            500107199001011238, VALID
            44030119850620781X, VALID
            500107200002290027, VALID
            500107199001011237, CHECK_DIGIT
            500107199001011230, CHECK_DIGIT
            500107199902290027, BIRTH_DATE
            500107199013011238, BIRTH_DATE
            500107203001011232, BIRTH_DATE
            500107189912311232, BIRTH_DATE
            990107199001011238, REGION
            500000199001011238, REGION
            50010719900101123, FORMAT
            5001071990010112388, FORMAT
            50010719900101123A, FORMAT
            '', FORMAT
            """)
    void idNumbersFollowGb11643(String text, String expected) {
        Optional<ChineseIdNumber.Problem> problem = ChineseIdNumber.problemOf(text, TODAY);

        assertThat(problem.map(Enum::name).orElse("VALID")).isEqualTo(expected);
    }

    @Test
    void anIdNumberKnowsItsBirthDateAndRegionAndShowsOnlyAMaskedForm() {
        ChineseIdNumber id = ChineseIdNumber.of(" 11010519491231002x ");

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.masked()).isEqualTo("1101**********002X");
        assertThat(id.toString()).doesNotContain("19491231");
    }

    @Test
    void anInvalidIdNumberIsRefusedWithoutRepeatingItInClear() {
        assertThatThrownBy(() -> ChineseIdNumber.of("500107199001011237"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHECK_DIGIT")
                .hasMessageNotContaining("199001011237");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            91350100M000100Y43, VALID
            91500107MA5U61110K, VALID
            12100000400000770U, VALID
            91350100M000100Y44, CHECK_CHARACTER
            91500107MA5U61110L, CHECK_CHARACTER
            91350100M000100Y4, FORMAT
            91350100I000100Y43, FORMAT
            91350100O000100Y43, FORMAT
            9135010 M000100Y43, FORMAT
            '', FORMAT
            """)
    void creditCodesFollowGb32100(String text, String expected) {
        assertThat(UnifiedSocialCreditCode.problemOf(text).map(Enum::name).orElse("VALID")).isEqualTo(expected);
    }

    @Test
    void aCreditCodeIsReadCaseInsensitively() {
        assertThat(UnifiedSocialCreditCode.of("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(UnifiedSocialCreditCode.of("91350100M000100Y43").regionCode()).isEqualTo("350100");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            13812345678, 13812345678
            +86 138 1234 5678, 13812345678
            0086-138-1234-5678, 13812345678
            19912345678, 19912345678
            12812345678, must start with 13 to 19
            1381234567, must be 11 digits
            138123456789, must be 11 digits
            1381234567a, must be 11 digits
            023-68781234, must start with 13 to 19
            """)
    void mobileNumbersAreMainlandElevenDigitNumbers(String text, String expected) {
        Optional<String> problem = MobileNumber.problemOf(text);

        assertThat(problem.orElseGet(() -> MobileNumber.of(text).value())).isEqualTo(expected);
    }

    @Test
    void masksShowEnoughToRecogniseAndNoMore() {
        assertThat(MobileNumber.of("13812345678").toString()).isEqualTo("138****5678");
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("李")).isEqualTo("李*");
        assertThat(Masking.idNumber("123")).isEqualTo("******");
    }
}
