package org.hall24.notifications.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hall24.notifications.Notifications;
import org.hall24.notifications.VerificationCodes;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.shared.MobileNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Codes in PostgreSQL. Limits: a code lives {@code hall24.notifications.code-validity} (5 min),
 * allows {@value #MAX_WRONG_TRIES} wrong tries; a phone gets at most one code per
 * {@code hall24.notifications.code-interval} (60 s) and {@value #MAX_PER_HOUR} per hour.
 */
@Service
class JdbcVerificationCodes implements VerificationCodes {

    static final int MAX_WRONG_TRIES = 5;
    static final int MAX_PER_HOUR = 5;

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
    public Challenge issue(String purpose, MobileNumber phone, String template, Locale locale, String... extraArgs) {
        Instant now = clock.instant();
        String phoneIndex = cipher.blindIndex("phone:" + phone.value());
        // Serialise issues for one phone, so two kiosks cannot both pass the limit at the same moment.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(phoneIndex).query().singleRow();
        List<Instant> recent = jdbc.sql("select created_at from verification_code where phone_index = ? and created_at > ? order by created_at desc")
                .params(phoneIndex, Timestamp.from(now.minus(Duration.ofHours(1))))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        if (!recent.isEmpty() && recent.get(0).plus(interval).isAfter(now)) {
            throw new TooManyCodesException(Duration.between(now, recent.get(0).plus(interval)));
        }
        if (recent.size() >= MAX_PER_HOUR) {
            throw new TooManyCodesException(Duration.between(now, recent.get(recent.size() - 1).plus(Duration.ofHours(1))));
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into verification_code (id, purpose, phone_index, code_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, purpose, phoneIndex, hash(id, code), Timestamp.from(now), Timestamp.from(now.plus(validity)))
                .update();
        List<String> args = new ArrayList<>();
        args.add(code);
        args.add(Long.toString(validity.toMinutes()));
        args.addAll(List.of(extraArgs));
        notifications.sendSms(phone, template, args, locale, purpose.startsWith("track:") ? "track-code" : "verification-code");
        return new Challenge(id, validity);
    }

    @Override
    @Transactional
    public Result verify(UUID challengeId, String purpose, String code) {
        record Row(String purpose, String codeHash, Instant expiresAt, int wrongTries, boolean used) {
        }
        Row row = jdbc.sql("select purpose, code_hash, expires_at, wrong_tries, used_at is not null as used from verification_code where id = ? for update")
                .param(challengeId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getBoolean(5)))
                .optional().orElse(null);
        if (row == null || !row.purpose().equals(purpose) || row.used() || row.wrongTries() >= MAX_WRONG_TRIES
                || !clock.instant().isBefore(row.expiresAt())) {
            return Result.EXPIRED;
        }
        if (!java.security.MessageDigest.isEqual(row.codeHash().getBytes(), hash(challengeId, code.strip()).getBytes())) {
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
