package org.hall24.cabinet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hall24.cabinet.CabinetTokens;
import org.hall24.cabinet.Reservation;
import org.hall24.platform.SecretKeyFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens signed with HMAC-SHA-256. A QR code holds {@code H24C1.<key id>.<reservation id, expiry>.<signature>}
 * (base64url); the signature covers the key id, the reservation, its cabinet, compartment, purpose
 * and expiry as the database has them, so a token cannot be moved to another door or stretched in
 * time. A short code is 8 random digits, unique among a cabinet's active reservations, stored as an
 * HMAC. Redeeming marks the reservation USED in the same transaction that checks it, under its row
 * lock: a token opens once, even presented at two screens at the same moment.
 */
@Service
class HmacCabinetTokens implements CabinetTokens {

    static final String PREFIX = "H24C1";
    private static final Logger log = LoggerFactory.getLogger(HmacCabinetTokens.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String currentKeyId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    HmacCabinetTokens(JdbcClient jdbc, Clock clock, CabinetProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentKeyId = properties.tokenKeyId();
        if (!currentKeyId.matches("[A-Za-z0-9_-]{1,16}")) {
            throw new IllegalStateException("hall24.cabinet.token-key-id must be 1 to 16 letters, digits, - or _, not " + currentKeyId);
        }
        properties.tokenKeys().forEach((id, base64) -> keys.put(id,
                SecretKeyFiles.decode(base64.strip(), "hall24.cabinet.token-keys." + id, "cabinet-token")));
        keys.computeIfAbsent(currentKeyId, id -> SecretKeyFiles.readOrCreate(properties.tokenKeyFile(), "cabinet-token"));
    }

    @Override
    @Transactional
    public Issued issue(Reservation reservation) {
        byte[] key = keys.get(currentKeyId);
        for (int tries = 0; ; tries++) {
            String shortCode = String.format("%08d", random.nextInt(100_000_000));
            try {
                int updated = jdbc.sql("update cabinet_reservation set short_code_hash = ?, token_compartment = compartment "
                        + "where id = ? and state = 'ACTIVE' and short_code_hash is null")
                        .params(shortCodeHash(key, reservation.cabinetCode(), shortCode), reservation.id()).update();
                if (updated != 1) {
                    throw new IllegalStateException("reservation " + reservation.id() + " is not active or already has its token");
                }
                return new Issued(reservation.id(), qr(currentKeyId, key, reservation), shortCode, reservation.expiresAt());
            }
            catch (DuplicateKeyException collision) {
                if (tries >= 5) {
                    throw collision;
                }
            }
        }
    }

    /** The QR payload of a reservation under the current key (its short code is not touched). */
    String qrOf(Reservation reservation) {
        return qr(currentKeyId, keys.get(currentKeyId), reservation);
    }

    private static String qr(String keyId, byte[] key, Reservation r) {
        ByteBuffer body = ByteBuffer.allocate(24);
        body.putLong(r.id().getMostSignificantBits()).putLong(r.id().getLeastSignificantBits()).putLong(r.expiresAt().getEpochSecond());
        String encodedBody = B64.encodeToString(body.array());
        return PREFIX + "." + keyId + "." + encodedBody + "." + B64.encodeToString(signature(keyId, key, r.id(), r.cabinetCode(),
                r.compartment(), r.purpose().name(), r.expiresAt().getEpochSecond()));
    }

    @Override
    @Transactional
    public Redeemed redeem(String cabinetCode, String presented, String by) {
        return evaluate(cabinetCode, presented, by, true);
    }

    @Override
    @Transactional
    public Redeemed check(String cabinetCode, String presented, String by) {
        return evaluate(cabinetCode, presented, by, false);
    }

    /**
     * Uses up an active reservation's token once a second factor was checked (a pickup's identity);
     * false when it is no longer active.
     */
    @Transactional
    boolean use(UUID reservation, String by) {
        return jdbc.sql("update cabinet_reservation set state = 'USED', used_at = ?, used_by = ?, grace_until = null where id = ? and state = 'ACTIVE'")
                .params(Timestamp.from(clock.instant()), by, reservation).update() == 1;
    }

    private Redeemed evaluate(String cabinetCode, String presented, String by, boolean use) {
        String token = presented.strip();
        Optional<Row> row = token.startsWith(PREFIX + ".") ? byQr(token) : token.matches("\\d{8}") ? byShortCode(cabinetCode, token)
                : Optional.empty();
        if (row.isEmpty()) {
            log.warn("Cabinet {}: a presented token was refused (FORGED), by {}", cabinetCode, by);
            return new Refused(Reason.FORGED);
        }
        Row r = row.get();
        Reason refused = !r.cabinetCode().equals(cabinetCode) ? Reason.WRONG_CABINET
                : !"ACTIVE".equals(r.state()) ? ("EXPIRED".equals(r.state()) ? Reason.EXPIRED : Reason.USED)
                : !clock.instant().isBefore(r.expiresAt()) || (r.graceUntil() != null && !clock.instant().isBefore(r.graceUntil()))
                        ? Reason.EXPIRED : null;
        if (refused != null) {
            log.warn("Cabinet {}: token of reservation {} refused ({}), by {}", cabinetCode, r.id(), refused, by);
            return new Refused(refused);
        }
        Reservation reservation = new Reservation(r.id(), r.cabinetCode(), r.compartment(), Reservation.Purpose.valueOf(r.purpose()),
                r.subject(), r.department(), r.expiresAt());
        if (!use) {
            return new Opened(reservation);
        }
        jdbc.sql("update cabinet_reservation set state = 'USED', used_at = ?, used_by = ?, grace_until = null where id = ?")
                .params(Timestamp.from(clock.instant()), by, r.id()).update();
        log.info("Cabinet {}: token of reservation {} opens compartment {} ({}), by {}", cabinetCode, r.id(), r.compartment(), r.purpose(),
                by);
        return new Opened(reservation);
    }

    /** @param tokenCompartment the compartment the token was signed over (the reservation may have moved since, off a jammed door) */
    private record Row(UUID id, String cabinetCode, String compartment, String tokenCompartment, String purpose, String subject,
            String department, String state, Instant expiresAt, @Nullable Instant graceUntil) {
    }

    private Optional<Row> lockedRow(String where, Object... params) {
        return jdbc.sql("select id, cabinet_code, compartment, coalesce(token_compartment, compartment), purpose, subject, department, "
                + "state, expires_at, grace_until from cabinet_reservation where "
                + where + " for update").params(params)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .optional();
    }

    private Optional<Row> byQr(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] key = keys.get(parts[1]);
        byte[] body;
        byte[] presentedSignature;
        try {
            body = B64D.decode(parts[2]);
            presentedSignature = B64D.decode(parts[3]);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (key == null || body.length != 24) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        long expiry = buffer.getLong();
        Optional<Row> row = lockedRow("id = ?", id);
        if (row.isEmpty() || row.get().expiresAt().getEpochSecond() != expiry) {
            return Optional.empty();
        }
        Row r = row.get();
        byte[] expected = signature(parts[1], key, r.id(), r.cabinetCode(), r.tokenCompartment(), r.purpose(), expiry);
        return MessageDigest.isEqual(expected, presentedSignature) ? row : Optional.empty();
    }

    private Optional<Row> byShortCode(String cabinetCode, String code) {
        for (byte[] key : keys.values()) {
            // Unique among active reservations; a used one may share it with a newer active one, which wins.
            Optional<Row> row = lockedRow("cabinet_code = ? and short_code_hash = ? order by (state = 'ACTIVE') desc, created_at desc limit 1",
                    cabinetCode, shortCodeHash(key, cabinetCode, code));
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    private static byte[] signature(String keyId, byte[] key, UUID id, String cabinet, String compartment, String purpose, long expiry) {
        return hmac(key, String.join("|", PREFIX, keyId, id.toString(), cabinet, compartment, purpose, Long.toString(expiry)));
    }

    private static String shortCodeHash(byte[] key, String cabinet, String code) {
        return HexFormat.of().formatHex(hmac(key, "short|" + cabinet + "|" + code));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
