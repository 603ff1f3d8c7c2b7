package org.hall24.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hall24.Hall24IntegrationTest;
import org.hall24.shared.MobileNumber;
import org.hall24.testing.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One-time codes: sent by SMS, verified once, for their purpose, under per-phone limits. */
@Hall24IntegrationTest
class VerificationCodesTest {

    @Autowired
    Notifications notifications;

    @Autowired
    VerificationCodes codes;

    @Autowired
    JdbcClient jdbc;

    /** A phone no other test uses, so rate limits of other tests do not interfere. */
    private static MobileNumber freshPhone() {
        return MobileNumber.of("139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    @Test
    void aCodeVerifiesOnceForItsPurposeOnly() {
        MobileNumber phone = freshPhone();
        VerificationCodes.Challenge challenge = codes.issue("kiosk-phone:test", phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of());
        String code = Phones.awaitCode(phone);

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
        VerificationCodes.Challenge challenge = codes.issue("kiosk-phone:x", phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of());
        String code = Phones.awaitCode(phone);
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
        codes.issue("kiosk-phone:a", phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of());
        assertThatThrownBy(() -> codes.issue("kiosk-phone:b", phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of()))
                .isInstanceOf(VerificationCodes.TooManyCodesException.class)
                .satisfies(e -> assertThat(((VerificationCodes.TooManyCodesException) e).retryAfter()).isPositive());
    }

    @Test
    void anOpenedChallengeRefusesEveryCodeUntilItsCodeIsSentAndItIsSentOnce() {
        MobileNumber phone = freshPhone();
        VerificationCodes.Challenge challenge = codes.open("track:open-test");
        assertThat(codes.verify(challenge.id(), "track:open-test", "000000")).isEqualTo(VerificationCodes.Result.WRONG);

        assertThat(codes.send(challenge.id(), phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of())).isTrue();
        assertThat(codes.send(challenge.id(), phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of())).as("a second send").isFalse();

        String code = Phones.awaitCode(phone);
        assertThat(codes.verify(challenge.id(), "track:open-test", code)).isEqualTo(VerificationCodes.Result.VERIFIED);
    }

    @Test
    void sendingToAPhoneOverItsLimitSendsNothingAndThrowsNothing() {
        MobileNumber phone = freshPhone();
        codes.issue("kiosk-phone:first", phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of());
        String first = Phones.awaitLastText(phone);
        VerificationCodes.Challenge challenge = codes.open("track:limited");

        assertThat(codes.send(challenge.id(), phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of())).isFalse();

        assertThat(notifications.find(new OutboxQuery(null, null, phone.value(), null, 0, 10))).as("one message queued").hasSize(1);
        assertThat(Phones.texts(phone.value())).containsExactly(first);
    }
}
