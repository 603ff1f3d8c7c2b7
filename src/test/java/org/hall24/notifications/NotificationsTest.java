package org.hall24.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.shared.MobileNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@Hall24IntegrationTest
class NotificationsTest {

    @Autowired
    Notifications notifications;

    @Autowired
    VerificationCodes codes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /** A phone no other test uses, so rate limits of other tests do not interfere. */
    private static MobileNumber freshPhone() {
        return MobileNumber.of("139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private Message lastMessageTo(MobileNumber phone) {
        return jdbc.sql("select text, state from notification_outbox where recipient = ? order by created_at desc limit 1")
                .param(phone.value()).query((rs, n) -> new Message(rs.getString(1), rs.getString(2))).single();
    }

    record Message(String text, String state) {
    }

    @Test
    void queuedSmsIsRenderedInTheRecipientsLanguageAndDispatched() {
        MobileNumber phone = freshPhone();
        UUID id = notifications.sendSms(phone, "filing-received", List.of("变更医师执业注册", "JLP-1", "5"), Locale.SIMPLIFIED_CHINESE,
                "filing-received");
        assertThat(lastMessageTo(phone).text()).contains("变更医师执业注册", "JLP-1", "5个工作日");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(lastMessageTo(phone).state()));
        assertThat(notifications.latest(500)).filteredOn(m -> m.id().equals(id)).singleElement()
                .satisfies(m -> assertThat(m.recipient()).isEqualTo(phone.masked()).doesNotContain(phone.value().substring(3, 7)));
    }

    @Test
    void aCodeVerifiesOnceForItsPurposeOnly() {
        MobileNumber phone = freshPhone();
        VerificationCodes.Challenge challenge = codes.issue("kiosk-phone:test", phone, "verification-code", Locale.SIMPLIFIED_CHINESE);
        String code = codeIn(lastMessageTo(phone).text());

        assertThat(codes.verify(challenge.id(), "track:other", code)).isEqualTo(VerificationCodes.Result.EXPIRED);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(codes.verify(challenge.id(), "kiosk-phone:test", wrong)).isEqualTo(VerificationCodes.Result.WRONG);
        assertThat(codes.verify(challenge.id(), "kiosk-phone:test", code)).isEqualTo(VerificationCodes.Result.VERIFIED);
        assertThat(codes.verify(challenge.id(), "kiosk-phone:test", code)).isEqualTo(VerificationCodes.Result.EXPIRED);
        assertThat(jdbc.sql("select count(*) from verification_code where code_hash = ? or phone_index = ?")
                .params(code, phone.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void fiveWrongCodesKillTheChallenge() {
        MobileNumber phone = freshPhone();
        VerificationCodes.Challenge challenge = codes.issue("kiosk-phone:x", phone, "verification-code", Locale.SIMPLIFIED_CHINESE);
        String code = codeIn(lastMessageTo(phone).text());
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(codes.verify(challenge.id(), "kiosk-phone:x", wrong)).isEqualTo(VerificationCodes.Result.WRONG);
        }
        assertThat(codes.verify(challenge.id(), "kiosk-phone:x", wrong)).isEqualTo(VerificationCodes.Result.EXPIRED);
        assertThat(codes.verify(challenge.id(), "kiosk-phone:x", code)).isEqualTo(VerificationCodes.Result.EXPIRED);
    }

    @Test
    void aPhoneGetsOneCodePerInterval() {
        MobileNumber phone = freshPhone();
        codes.issue("kiosk-phone:a", phone, "verification-code", Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> codes.issue("kiosk-phone:b", phone, "verification-code", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(VerificationCodes.TooManyCodesException.class)
                .satisfies(e -> assertThat(((VerificationCodes.TooManyCodesException) e).retryAfter()).isPositive());
    }

    @Test
    void anOpenedChallengeRefusesEveryCodeUntilItsCodeIsSentAndItIsSentOnce() {
        MobileNumber phone = freshPhone();
        VerificationCodes.Challenge challenge = codes.open("track:open-test");
        assertThat(codes.verify(challenge.id(), "track:open-test", "000000")).isEqualTo(VerificationCodes.Result.WRONG);

        assertThat(codes.send(challenge.id(), phone, "verification-code", Locale.SIMPLIFIED_CHINESE)).isTrue();
        assertThat(codes.send(challenge.id(), phone, "verification-code", Locale.SIMPLIFIED_CHINESE)).as("a second send").isFalse();

        String code = codeIn(lastMessageTo(phone).text());
        assertThat(codes.verify(challenge.id(), "track:open-test", code)).isEqualTo(VerificationCodes.Result.VERIFIED);
    }

    @Test
    void sendingToAPhoneOverItsLimitSendsNothingAndThrowsNothing() {
        MobileNumber phone = freshPhone();
        codes.issue("kiosk-phone:first", phone, "verification-code", Locale.SIMPLIFIED_CHINESE);
        String first = lastMessageTo(phone).text();
        VerificationCodes.Challenge challenge = codes.open("track:limited");

        assertThat(codes.send(challenge.id(), phone, "verification-code", Locale.SIMPLIFIED_CHINESE)).isFalse();

        assertThat(lastMessageTo(phone).text()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = ?").param(phone.value())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void staffSeeTheOutboxWithMaskedNumbersAndCitizensDoNot() throws Exception {
        MobileNumber phone = freshPhone();
        notifications.sendSms(phone, "verification-code", List.of("123456", "5"), Locale.SIMPLIFIED_CHINESE, "verification-code");
        mvc.perform(get("/admin/notifications").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(phone.masked())))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(phone.value()))));
        mvc.perform(get("/admin/notifications")).andExpect(status().is3xxRedirection());
    }

    private static String codeIn(String text) {
        Matcher m = Pattern.compile("(\\d{6})").matcher(text);
        assertThat(m.find()).as("a 6-digit code in %s", text).isTrue();
        return m.group(1);
    }
}
