package org.hall24.device.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hall24.device.DeviceCredentialRevoked;
import org.hall24.device.DeviceCredentialRotated;
import org.hall24.device.DeviceRegistered;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.InvalidRegistrationException;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.RegisteredDevice;
import org.hall24.device.RegistrationViolation;
import org.hall24.device.UnknownDeviceException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry on PostgreSQL ({@code device_registration}, {@code device_credential_event}).
 * Plain SQL rather than a Spring Data aggregate: a registration is one row whose credential hash
 * must never leave this class.
 */
@Service
class JdbcDeviceRegistry implements DeviceRegistry {

    private static final Logger log = LoggerFactory.getLogger(JdbcDeviceRegistry.class);

    /**
     * A device code is a client id, a username and a topic level: upper-case letters and digits in
     * groups joined by single hyphens, so never {@code /}, {@code +} or {@code #}, and never the
     * platform's lower-case username.
     */
    static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    static final Pattern HALL_OR_ZONE = Pattern.compile("[A-Za-z0-9]+([-_][A-Za-z0-9]+)*");
    static final int MAX_CODE = 40;
    static final int MAX_SERIAL = 64;

    private static final String COLUMNS = "code, type, serial, hall, zone, x, y, credential_state, credential_issued_at, simulated";

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcDeviceRegistry(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegistrationViolation> check(RegisterDevice device) {
        List<RegistrationViolation> violations = new ArrayList<>();
        String code = device.code();
        if (code == null || code.isBlank()) {
            violations.add(new RegistrationViolation("code", "device.violation.required"));
        }
        else if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
            violations.add(new RegistrationViolation("code", "device.violation.code-format"));
        }
        else if (find(code).isPresent()) {
            violations.add(new RegistrationViolation("code", "device.violation.code-taken"));
        }
        if (device.type() == null) {
            violations.add(new RegistrationViolation("type", "device.violation.required"));
        }
        String serial = device.serial();
        if (serial == null || serial.isBlank()) {
            violations.add(new RegistrationViolation("serial", "device.violation.required"));
        }
        else if (serial.length() > MAX_SERIAL || !serial.strip().equals(serial)) {
            violations.add(new RegistrationViolation("serial", "device.violation.serial-format"));
        }
        else if (jdbc.sql("select count(*) from device_registration where serial = ?").param(serial)
                .query(Long.class).single() > 0) {
            violations.add(new RegistrationViolation("serial", "device.violation.serial-taken"));
        }
        checkCode(violations, "hall", device.hall());
        checkCode(violations, "zone", device.zone());
        return violations;
    }

    private static void checkCode(List<RegistrationViolation> violations, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            violations.add(new RegistrationViolation(field, "device.violation.required"));
        }
        else if (value.length() > MAX_CODE || !HALL_OR_ZONE.matcher(value).matches()) {
            violations.add(new RegistrationViolation(field, "device.violation.code-format"));
        }
    }

    @Override
    @Transactional
    public IssuedCredential register(RegisterDevice device, String by) {
        List<RegistrationViolation> violations = check(device);
        if (!violations.isEmpty()) {
            throw new InvalidRegistrationException(violations);
        }
        return insert(device, false, by);
    }

    @Override
    @Transactional
    public Optional<IssuedCredential> registerIfAbsent(RegisterDevice device, boolean simulated, String by) {
        if (find(device.code()).isPresent()) {
            jdbc.sql("update device_registration set simulated = ? where code = ? and simulated <> ?")
                    .params(simulated, device.code(), simulated).update();
            return Optional.empty();
        }
        List<RegistrationViolation> violations = check(device);
        if (!violations.isEmpty()) {
            throw new InvalidRegistrationException(violations);
        }
        return Optional.of(insert(device, simulated, by));
    }

    private IssuedCredential insert(RegisterDevice device, boolean simulated, String by) {
        Instant now = clock.instant();
        String secret = DeviceCredentials.newSecret();
        jdbc.sql("""
                insert into device_registration (code, type, serial, hall, zone, x, y, simulated, credential_hash,
                    credential_state, credential_issued_at, registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""")
                .params(device.code(), device.type().name(), device.serial(), device.hall(), device.zone(), device.x(),
                        device.y(), simulated, DeviceCredentials.hash(secret), Timestamp.from(now), Timestamp.from(now), by)
                .update();
        record(device.code(), "REGISTERED", by, now);
        events.publishEvent(new DeviceRegistered(device.code(), device.hall(), device.type(), by, now));
        log.info("Device {} registered in hall {} by {}", device.code(), device.hall(), by);
        return new IssuedCredential(device.code(), device.code(), secret);
    }

    @Override
    @Transactional
    public List<IssuedCredential> provisionSimulated(List<RegisterDevice> devices, String by) {
        if (devices.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Map<String, Boolean> known = new HashMap<>();
        Set<String> serials = new HashSet<>();
        jdbc.sql("select code, serial, credential_state from device_registration").query((rs, row) -> {
            known.put(rs.getString(1), "ACTIVE".equals(rs.getString(3)));
            serials.add(rs.getString(2));
            return null;
        }).list();
        List<RegisterDevice> fresh = new ArrayList<>();
        List<RegistrationViolation> violations = new ArrayList<>();
        for (RegisterDevice device : devices) {
            if (known.containsKey(device.code())) {
                continue;
            }
            if (device.code() == null || device.code().length() > MAX_CODE || !CODE.matcher(device.code()).matches()) {
                violations.add(new RegistrationViolation("code", "device.violation.code-format"));
            }
            if (device.type() == null) {
                violations.add(new RegistrationViolation("type", "device.violation.required"));
            }
            if (device.serial() == null || device.serial().isBlank() || device.serial().length() > MAX_SERIAL
                    || !serials.add(device.serial())) {
                violations.add(new RegistrationViolation("serial", "device.violation.serial-taken"));
            }
            checkCode(violations, "hall", device.hall());
            checkCode(violations, "zone", device.zone());
            if (!violations.isEmpty()) {
                throw new InvalidRegistrationException(violations);
            }
            known.put(device.code(), true);
            fresh.add(device);
        }
        List<IssuedCredential> issued = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> rotations = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Set<String> isFresh = new HashSet<>();
        for (RegisterDevice device : fresh) {
            isFresh.add(device.code());
            String secret = DeviceCredentials.newSecret();
            inserts.add(new Object[] { device.code(), device.type().name(), device.serial(), device.hall(), device.zone(),
                    device.x(), device.y(), DeviceCredentials.hash(secret), at, at, by });
            history.add(new Object[] { device.code(), "REGISTERED", by, at });
            issued.add(new IssuedCredential(device.code(), device.code(), secret));
        }
        List<String> rotated = new ArrayList<>();
        for (RegisterDevice device : devices) {
            if (!isFresh.contains(device.code()) && Boolean.TRUE.equals(known.get(device.code()))) {
                String secret = DeviceCredentials.newSecret();
                rotations.add(new Object[] { DeviceCredentials.hash(secret), at, device.code() });
                history.add(new Object[] { device.code(), "ROTATED", by, at });
                issued.add(new IssuedCredential(device.code(), device.code(), secret));
                rotated.add(device.code());
            }
        }
        batch.batchUpdate("""
                insert into device_registration (code, type, serial, hall, zone, x, y, simulated, credential_hash,
                    credential_state, credential_issued_at, registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, true, ?, 'ACTIVE', ?, ?, ?)""", inserts, BATCH,
                (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        batch.batchUpdate("""
                update device_registration set credential_hash = ?, credential_state = 'ACTIVE', credential_issued_at = ?,
                    simulated = true where code = ?""", rotations, BATCH, (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        batch.batchUpdate("insert into device_credential_event (device_code, kind, actor, at) values (?, ?, ?, ?)", history, BATCH,
                (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        for (RegisterDevice device : fresh) {
            events.publishEvent(new DeviceRegistered(device.code(), device.hall(), device.type(), by, now));
        }
        for (String code : rotated) {
            events.publishEvent(new DeviceCredentialRotated(code, by, now));
        }
        log.info("{} simulated device(s) provisioned by {}: {} registered, {} credential(s) rotated", devices.size(), by,
                fresh.size(), rotated.size());
        return issued;
    }

    @Override
    @Transactional
    public IssuedCredential rotate(String code, String by) {
        Instant now = clock.instant();
        String secret = DeviceCredentials.newSecret();
        int updated = jdbc.sql("""
                update device_registration set credential_hash = ?, credential_state = 'ACTIVE', credential_issued_at = ?
                where code = ?""")
                .params(DeviceCredentials.hash(secret), Timestamp.from(now), code).update();
        if (updated == 0) {
            throw new UnknownDeviceException(code);
        }
        record(code, "ROTATED", by, now);
        events.publishEvent(new DeviceCredentialRotated(code, by, now));
        log.info("Device {}: credential rotated by {}", code, by);
        return new IssuedCredential(code, code, secret);
    }

    @Override
    @Transactional
    public void revoke(String code, String by) {
        RegisteredDevice device = find(code).orElseThrow(() -> new UnknownDeviceException(code));
        if (!device.active()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("update device_registration set credential_state = 'REVOKED' where code = ?").param(code).update();
        record(code, "REVOKED", by, now);
        events.publishEvent(new DeviceCredentialRevoked(code, by, now));
        log.info("Device {}: credential revoked by {}", code, by);
    }

    private void record(String code, String kind, String by, Instant at) {
        jdbc.sql("insert into device_credential_event (device_code, kind, actor, at) values (?, ?, ?, ?)")
                .params(code, kind, by, Timestamp.from(at)).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RegisteredDevice> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from device_registration where code = ?").param(code)
                .query(JdbcDeviceRegistry::device).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisteredDevice> all() {
        return jdbc.sql("select " + COLUMNS + " from device_registration order by hall, code")
                .query(JdbcDeviceRegistry::device).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisteredDevice> inHalls(Collection<String> halls) {
        if (halls.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from device_registration where hall = any(?) order by hall, code")
                .param(halls.toArray(String[]::new)).query(JdbcDeviceRegistry::device).list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean verify(String code, byte[] password) {
        Optional<byte[]> hash = jdbc.sql("select credential_hash from device_registration where code = ? and credential_state = 'ACTIVE'")
                .param(code).query((rs, row) -> rs.getBytes(1)).optional();
        // Hash the presented password even for an unknown device, so timing does not tell which codes exist.
        return DeviceCredentials.matches(password, hash.orElseGet(() -> new byte[32])) && hash.isPresent();
    }

    private static RegisteredDevice device(ResultSet rs, int row) throws SQLException {
        return new RegisteredDevice(rs.getString("code"), DeviceType.valueOf(rs.getString("type")), rs.getString("serial"),
                rs.getString("hall"), rs.getString("zone"), rs.getInt("x"), rs.getInt("y"),
                RegisteredDevice.CredentialState.valueOf(rs.getString("credential_state")),
                rs.getTimestamp("credential_issued_at").toInstant(), rs.getBoolean("simulated"));
    }
}
