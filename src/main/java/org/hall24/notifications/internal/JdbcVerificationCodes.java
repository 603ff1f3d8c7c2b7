package org.hall24.notifications.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hall24.notifications.Notifications;
import org.hall24.notifications.VerificationCodes;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Codes in PostgreSQL. Limits: a code lives {@code hall24.notifications.code-validity} (5 min),
 * allows {@value #MAX_WRONG_TRIES} wrong tries; a phone gets at most one code per
 * {@code hall24.notifications.code-interval} (60 s) and {@value #MAX_PER_HOUR} per hour, counted
 * from the codes sent to it ({@code sent_at}, under an advisory lock per phone). A challenge
 * {@linkplain #open opened} without a code has no phone and no hash until {@link #send}.
 */
@Service
class JdbcVerificationCodes implements VerificationCodes {

    static final int MAX_WRONG_TRIES = 5;
    static final int MAX_PER_HOUR = 5;
    /** Not a hash of anything (hashes are hex): what a challenge without a code is compared with. */
    private static final String NO_CODE = "-".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(JdbcVerificationCodes.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Duration validity;
    private final Duration interval;
    private final SecureRandom random = new SecureRandom();

    JdbcVerificationCodes(JdbcClient jdbc, Notifications notifications, PersonalDataCipher cipher, Clock clock,
            @Value("${hall24.notifications.code-validity:5m}") Duration validity,
            @Value("${hall24.notifications.code-interval:60s}") Duration interval) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.cipher = cipher;
        this.clock = clock;
        this.validity = validity;
        this.interval = interval;
    }

    @Override
    @Transactional
    public Challenge issue(String purpose, MobileNumber phone, String template, Locale locale, Map<String, String> extraValues) {
        Instant now = clock.instant();
        String phoneIndex = lockPhone(phone);
        Duration wait = waitFor(phoneIndex, now);
        if (!wait.isZero()) {
            throw new TooManyCodesException(wait);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into verification_code (id, purpose, created_at, expires_at)
                values (?, ?, ?, ?)""")
                .params(id, purpose, Timestamp.from(now), Timestamp.from(now.plus(validity)))
                .update();
        sendCode(id, purpose, phone, phoneIndex, now, template, locale, extraValues);
        return new Challenge(id, validity);
    }

    @Override
    @Transactional
    public Challenge open(String purpose) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into verification_code (id, purpose, created_at, expires_at) values (?, ?, ?, ?)")
                .params(id, purpose, Timestamp.from(now), Timestamp.from(now.plus(validity)))
                .update();
        return new Challenge(id, validity);
    }

    @Override
    @Transactional
    public boolean send(UUID challengeId, MobileNumber phone, String template, Locale locale, Map<String, String> extraValues) {
        Instant now = clock.instant();
        String phoneIndex = lockPhone(phone);
        String purpose = jdbc.sql("""
                select purpose from verification_code
                where id = ? and code_hash is null and used_at is null and expires_at > ? for update""")
                .params(challengeId, Timestamp.from(now))
                .query(String.class).optional().orElse(null);
        if (purpose == null) {
            return false;
        }
        if (!waitFor(phoneIndex, now).isZero()) {
            log.info("No code sent for challenge {}: {} was sent too many codes lately", challengeId, phone.masked());
            return false;
        }
        sendCode(challengeId, purpose, phone, phoneIndex, now, template, locale, extraValues);
        return true;
    }

    /** Serialises code sending for one phone, so two kiosks cannot both pass the limit at the same moment. */
    private String lockPhone(MobileNumber phone) {
        String phoneIndex = cipher.blindIndex("phone:" + phone.value());
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(phoneIndex).query().singleRow();
        return phoneIndex;
    }

    /** How long the phone must wait for its next code; zero when it may have one now. */
    private Duration waitFor(String phoneIndex, Instant now) {
        List<Instant> recent = jdbc.sql("select sent_at from verification_code where phone_index = ? and sent_at > ? order by sent_at desc")
                .params(phoneIndex, Timestamp.from(now.minus(Duration.ofHours(1))))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        if (!recent.isEmpty() && recent.get(0).plus(interval).isAfter(now)) {
            return Duration.between(now, recent.get(0).plus(interval));
        }
        if (recent.size() >= MAX_PER_HOUR) {
            return Duration.between(now, recent.get(recent.size() - 1).plus(Duration.ofHours(1)));
        }
        return Duration.ZERO;
    }

    private void sendCode(UUID id, String purpose, MobileNumber phone, String phoneIndex, Instant now, String template, Locale locale,
            Map<String, String> extraValues) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("update verification_code set phone_index = ?, code_hash = ?, sent_at = ? where id = ?")
                .params(phoneIndex, hash(id, code), Timestamp.from(now), id)
                .update();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("minutes", Long.toString(validity.toMinutes()));
        values.putAll(extraValues);
        notifications.sendSms(phone, template, values, locale);
    }

    @Override
    @Transactional
    public Result verify(UUID challengeId, String purpose, String code) {
        record Row(String purpose, @Nullable String codeHash, Instant expiresAt, int wrongTries, boolean used) {
        }
        Row row = jdbc.sql("select purpose, code_hash, expires_at, wrong_tries, used_at is not null as used from verification_code where id = ? for update")
                .param(challengeId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getBoolean(5)))
                .optional().orElse(null);
        if (row == null || !row.purpose().equals(purpose) || row.used() || row.wrongTries() >= MAX_WRONG_TRIES
                || !clock.instant().isBefore(row.expiresAt())) {
            return Result.EXPIRED;
        }
        // A challenge whose code was never sent compares against a hash no code has: the same work, always wrong.
        String expected = row.codeHash() == null ? NO_CODE : row.codeHash();
        if (!java.security.MessageDigest.isEqual(expected.getBytes(), hash(challengeId, code.strip()).getBytes())) {
            int tries = row.wrongTries() + 1;
            jdbc.sql("update verification_code set wrong_tries = ? where id = ?").params(tries, challengeId).update();
            return tries >= MAX_WRONG_TRIES ? Result.EXPIRED : Result.WRONG;
        }
        jdbc.sql("update verification_code set used_at = ? where id = ?").params(Timestamp.from(clock.instant()), challengeId).update();
        return Result.VERIFIED;
    }

    private String hash(UUID id, String code) {
        return cipher.blindIndex("code:" + id + ":" + code);
    }
}
