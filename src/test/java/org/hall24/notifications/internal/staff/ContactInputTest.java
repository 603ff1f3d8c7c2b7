package org.hall24.notifications.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.hall24.notifications.ContactRole;
import org.junit.jupiter.api.Test;

/** What an admin may enter for a contact, and what each wrong field is told. */
class ContactInputTest {

    static ContactInput collector(String phone, String email, String from, String until) {
        return new ContactInput(" 王收件 ", "collector", "gjj", "jlp-yjp", phone, email, from, until, true);
    }

    @Test
    void aWellFormedContactIsNormalised() {
        ContactInput.Checked checked = collector("+86 139-0000-0001", "Wang@Hall24.Example", "8:30", "18:00").check();

        assertThat(checked.violations()).isEmpty();
        ContactInput.Details details = checked.details();
        assertThat(details.displayName()).isEqualTo("王收件");
        assertThat(details.role()).isEqualTo(ContactRole.COLLECTOR);
        assertThat(details.department()).isEqualTo("GJJ");
        assertThat(details.hall()).isEqualTo("JLP-YJP");
        assertThat(details.phone().value()).isEqualTo("13900000001");
        assertThat(details.email().value()).isEqualTo("Wang@hall24.example");
        assertThat(details.hours()).isEqualTo(new SmsHours(LocalTime.of(8, 30), LocalTime.of(18, 0)));
    }

    @Test
    void aBadPhoneIsNamedWithItsMessageAndTheRestIsAccepted() {
        ContactInput.Checked checked = collector("19900001", "", "08:30", "18:00").check();

        assertThat(checked.ok()).isFalse();
        assertThat(checked.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("phone");
            assertThat(v.messageKey()).isEqualTo("notifications.contacts.violation.phone.invalid");
            assertThat(v.reason()).contains("11 digits");
        });
    }

    @Test
    void aNumberOutside13To19IsRefused() {
        assertThat(collector("12900000001", "", "08:30", "18:00").check().violations())
                .extracting(ContactInput.Violation::code).containsExactly("phone.invalid");
    }

    @Test
    void everyWrongFieldIsNamedOnce() {
        ContactInput input = new ContactInput("", "boss", null, "jlp yjp", "", "not-an-address", "25:00", "x", true);

        assertThat(input.check().violations()).extracting(ContactInput.Violation::field, ContactInput.Violation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("displayName", "name.missing"),
                        org.assertj.core.groups.Tuple.tuple("role", "role.unknown"),
                        org.assertj.core.groups.Tuple.tuple("hall", "hall.invalid"),
                        org.assertj.core.groups.Tuple.tuple("phone", "phone.missing"),
                        org.assertj.core.groups.Tuple.tuple("email", "email.invalid"),
                        org.assertj.core.groups.Tuple.tuple("smsFrom", "hours.from.invalid"),
                        org.assertj.core.groups.Tuple.tuple("smsUntil", "hours.until.invalid"));
    }

    @Test
    void collectorsAndReviewersNeedADepartmentDutyOperatorsHaveNone() {
        ContactInput reviewer = new ContactInput("李审核", "REVIEWER", " ", "JLP-YJP", "13900000002", null, "09:00", "17:30", true);
        ContactInput operator = new ContactInput("周值班", "DUTY_OPERATOR", "GJJ", "JLP-YJP", "13900000009", null, "00:00", "24:00", true);

        assertThat(reviewer.check().violations()).extracting(ContactInput.Violation::code).containsExactly("department.missing");
        assertThat(operator.check().details().department()).isNull();
        assertThat(operator.check().details().hours().allDay()).isTrue();
    }
}
