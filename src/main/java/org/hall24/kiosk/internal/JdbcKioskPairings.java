package org.hall24.kiosk.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.PairedScreens;
import org.hall24.device.RegisteredDevice;
import org.hall24.kiosk.KioskPaired;
import org.hall24.kiosk.KioskPairingCodeIssued;
import org.hall24.kiosk.KioskPairingRefused;
import org.hall24.kiosk.KioskPairingRevoked;
import org.hall24.kiosk.KioskPairings;
import org.hall24.kiosk.PairedKiosk;
import org.hall24.platform.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairings in PostgreSQL. Codes are kept as an HMAC under the platform's key (8 digits are too few
 * for a plain hash), tokens as SHA-256 (256 random bits need no key). Wrong codes are counted per
 * client address in memory: at most {@code hall24.kiosk.pairing.max-failures} (5) per
 * {@code hall24.kiosk.pairing.failure-window} (10 min).
 */
@Service
class JdbcKioskPairings implements KioskPairings, PairedScreens {

    /** Last-seen is written at most this often per pairing. */
    static final Duration SEEN_GRANULARITY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(JdbcKioskPairings.class);

    private final JdbcClient jdbc;
    private final DeviceRegistry devices;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration failureWindow;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<UUID, Instant> lastSeenWritten = new ConcurrentHashMap<>();

    JdbcKioskPairings(JdbcClient jdbc, DeviceRegistry devices, PersonalDataCipher cipher, ApplicationEventPublisher events,
            Clock clock, @Value("${hall24.kiosk.pairing.max-failures:5}") int maxFailures,
            @Value("${hall24.kiosk.pairing.failure-window:10m}") Duration failureWindow) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.failureWindow = failureWindow;
    }

    static boolean isKiosk(DeviceType type) {
        return type.name().endsWith("_KIOSK");
    }

    /** Kiosks and smart file cabinets have a screen a browser can be paired as. */
    static boolean hasScreen(DeviceType type) {
        return isKiosk(type) || type == DeviceType.FILE_CABINET;
    }

    @Override
    @Transactional
    public IssuedPairingCode issueCode(String deviceCode, String by) {
        RegisteredDevice device = devices.find(deviceCode)
                .filter(d -> hasScreen(d.type()) && d.active())
                .orElseThrow(() -> new IllegalArgumentException("no active kiosk or cabinet device " + deviceCode));
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(CODE_VALIDITY_MINUTES));
        jdbc.sql("update kiosk_pairing_code set withdrawn_at = ? where device_code = ? and used_at is null and withdrawn_at is null")
                .params(Timestamp.from(now), device.code()).update();
        String code = String.format("%08d", random.nextInt(100_000_000));
        jdbc.sql("""
                insert into kiosk_pairing_code (id, device_code, code_hash, issued_by, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), device.code(), codeHash(code), by, Timestamp.from(now), Timestamp.from(expires))
                .update();
        events.publishEvent(new KioskPairingCodeIssued(device.code(), by, expires));
        return new IssuedPairingCode(device.code(), code, expires);
    }

    @Override
    @Transactional
    public PairingOutcome pair(String code, String userAgent, String clientAddress) {
        Instant now = clock.instant();
        if (limited(clientAddress, now)) {
            return refuse(clientAddress, RefusalReason.RATE_LIMITED, false, now);
        }
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{8}")) {
            return refuse(clientAddress, RefusalReason.WRONG, true, now);
        }
        record Row(UUID id, String deviceCode, Instant expiresAt, boolean used, boolean withdrawn) {
        }
        Row row = jdbc.sql("""
                select id, device_code, expires_at, used_at is not null, withdrawn_at is not null from kiosk_pairing_code
                where code_hash = ? order by issued_at desc limit 1 for update""")
                .param(codeHash(digits))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .optional().orElse(null);
        if (row == null) {
            return refuse(clientAddress, RefusalReason.WRONG, true, now);
        }
        if (row.used()) {
            return refuse(clientAddress, RefusalReason.USED, true, now);
        }
        if (row.withdrawn() || !now.isBefore(row.expiresAt())) {
            return refuse(clientAddress, RefusalReason.EXPIRED, true, now);
        }
        Optional<PairedKiosk> kiosk = screen(row.deviceCode());
        if (kiosk.isEmpty()) {
            return refuse(clientAddress, RefusalReason.EXPIRED, true, now);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID pairingId = UUID.randomUUID();
        String agent = userAgent.length() > 400 ? userAgent.substring(0, 400) : userAgent;
        jdbc.sql("update kiosk_pairing_code set used_at = ? where id = ?").params(Timestamp.from(now), row.id()).update();
        jdbc.sql("""
                insert into kiosk_pairing (id, device_code, token_hash, paired_at, paired_by_code, user_agent, last_seen)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(pairingId, row.deviceCode(), tokenHash(token), Timestamp.from(now), row.id(), agent, Timestamp.from(now))
                .update();
        events.publishEvent(new KioskPaired(row.deviceCode(), pairingId, agent, clientAddress));
        log.info("Kiosk {} paired with a browser from {}", row.deviceCode(), clientAddress);
        return new Paired(token, kiosk.get());
    }

    @Override
    public Optional<PairedKiosk> resolve(String token) {
        return pairedDevice(token).flatMap(this::kiosk);
    }

    @Override
    public Optional<RegisteredDevice> deviceOf(String token) {
        return pairedDevice(token).flatMap(code -> devices.find(code).filter(d -> hasScreen(d.type()) && d.active()));
    }

    /** The device a live token is paired with, recording the token as seen. */
    private Optional<String> pairedDevice(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        record Row(UUID id, String deviceCode) {
        }
        Optional<Row> row = jdbc.sql("select id, device_code from kiosk_pairing where token_hash = ? and revoked_at is null")
                .param(tokenHash(token))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant written = lastSeenWritten.get(row.get().id());
        if (written == null || written.plus(SEEN_GRANULARITY).isBefore(now)) {
            lastSeenWritten.put(row.get().id(), now);
            jdbc.sql("update kiosk_pairing set last_seen = ? where id = ?").params(Timestamp.from(now), row.get().id()).update();
        }
        return Optional.of(row.get().deviceCode());
    }

    @Override
    @Transactional
    public void revoke(UUID pairingId, String by) {
        Optional<String> device = jdbc.sql("select device_code from kiosk_pairing where id = ? and revoked_at is null for update")
                .param(pairingId).query(String.class).optional();
        if (device.isEmpty()) {
            return;
        }
        jdbc.sql("update kiosk_pairing set revoked_at = ?, revoked_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), by, pairingId).update();
        lastSeenWritten.remove(pairingId);
        events.publishEvent(new KioskPairingRevoked(device.get(), pairingId, by));
    }

    @Override
    public List<KioskDevice> kiosks() {
        Map<String, List<Pairing>> pairings = new HashMap<>();
        jdbc.sql("""
                select id, device_code, paired_at, user_agent, last_seen, revoked_at from kiosk_pairing
                where revoked_at is null order by paired_at desc""")
                .query((rs, n) -> new Pairing(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), null))
                .list()
                .forEach(p -> pairings.computeIfAbsent(p.deviceCode(), k -> new java.util.ArrayList<>()).add(p));
        return devices.all().stream()
                .filter(d -> hasScreen(d.type()))
                .map(d -> new KioskDevice(d.code(), d.hall(), d.type(), d.active(), pairings.getOrDefault(d.code(), List.of())))
                .toList();
    }

    private Optional<PairedKiosk> kiosk(String deviceCode) {
        return screen(deviceCode).filter(d -> isKiosk(d.deviceType()));
    }

    /** A kiosk or a cabinet, as the device a pairing code pairs a browser with. */
    private Optional<PairedKiosk> screen(String deviceCode) {
        return devices.find(deviceCode)
                .filter(d -> hasScreen(d.type()) && d.active())
                .map(d -> new PairedKiosk(d.code(), d.hall(), d.type()));
    }

    private Refused refuse(String clientAddress, RefusalReason reason, boolean count, Instant now) {
        if (count) {
            synchronized (failures) {
                failures.computeIfAbsent(clientAddress, k -> new ArrayDeque<>()).addLast(now);
            }
        }
        log.info("Kiosk pairing refused for {}: {}", clientAddress, reason);
        events.publishEvent(new KioskPairingRefused(clientAddress, reason));
        return new Refused(reason);
    }

    private boolean limited(String clientAddress, Instant now) {
        synchronized (failures) {
            Deque<Instant> recent = failures.get(clientAddress);
            if (recent == null) {
                return false;
            }
            while (!recent.isEmpty() && !recent.peekFirst().plus(failureWindow).isAfter(now)) {
                recent.removeFirst();
            }
            if (recent.isEmpty()) {
                failures.remove(clientAddress);
                return false;
            }
            return recent.size() >= maxFailures;
        }
    }

    private String codeHash(String code) {
        return cipher.blindIndex("kiosk-pairing-code:" + code);
    }

    static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
