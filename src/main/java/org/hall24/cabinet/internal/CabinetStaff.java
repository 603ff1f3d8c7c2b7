package org.hall24.cabinet.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hall24.accounts.StaffDirectory;
import org.hall24.accounts.StaffDirectory.Accepted;
import org.hall24.accounts.StaffDirectory.Locked;
import org.hall24.accounts.StaffDirectory.StaffMember;
import org.hall24.accounts.StaffRole;
import org.hall24.cabinet.Envelope;
import org.hall24.cabinet.internal.DoorCycle.Purpose;
import org.hall24.catalog.Catalog;
import org.hall24.notifications.VerificationCodes;
import org.hall24.shared.Masking;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff at a cabinet screen. A collector signs in with their account's password and then a one-time
 * code texted to the phone on their account (two factors: a stolen password alone opens nothing);
 * the screen then holds a random session token (its SHA-256 kept in {@code cabinet_staff_session}),
 * which ends after {@link DoorProperties#staffIdle()} without a tap, at sign-out, or when someone else
 * signs in at the same screen. A collector sees only the deposits of their departments and opens
 * them one door at a time; each door cycle records who collected what.
 */
@Service
public class CabinetStaff {

    private static final Logger log = LoggerFactory.getLogger(CabinetStaff.class);
    private static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StaffDirectory directory;
    private final VerificationCodes codes;
    private final DoorCycles doors;
    private final CabinetDesk desk;
    private final Catalog catalog;
    private final Clock clock;
    private final DoorProperties properties;
    private final SecureRandom random = new SecureRandom();

    CabinetStaff(JdbcClient jdbc, TransactionTemplate tx, StaffDirectory directory, VerificationCodes codes, DoorCycles doors,
            CabinetDesk desk, Catalog catalog, Clock clock, DoorProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.codes = codes;
        this.doors = doors;
        this.desk = desk;
        this.catalog = catalog;
        this.clock = clock;
        this.properties = properties;
    }

    // ---- signing in

    /** The first factor: the password. On success a code is texted and the screen asks for it. */
    public SignIn checkPassword(String cabinetCode, String username, String password, String clientAddress) {
        StaffDirectory.PasswordCheck check = directory.checkPassword(username.strip(), password, clientAddress);
        if (check instanceof Locked locked) {
            return new SignInLocked(Math.max(1, (locked.retryAfter().toSeconds() + 59) / 60));
        }
        if (!(check instanceof Accepted accepted)) {
            return new SignInRefused("WRONG");
        }
        StaffMember member = accepted.member();
        if (!member.has(StaffRole.COLLECTOR)) {
            log.info("Cabinet {}: {} signed in with the right password but is no collector", cabinetCode, member.username());
            return new SignInRefused("NOT_COLLECTOR");
        }
        if (member.phone() == null) {
            return new SignInRefused("NO_PHONE");
        }
        VerificationCodes.Challenge challenge;
        try {
            challenge = codes.issue(purpose(cabinetCode, member.username()), member.phone(), "staff-sign-in-code",
                    Locale.SIMPLIFIED_CHINESE, Map.of("cabinet", cabinetCode));
        }
        catch (VerificationCodes.TooManyCodesException tooMany) {
            return new SignInLocked(Math.max(1, (tooMany.retryAfter().toSeconds() + 59) / 60));
        }
        UUID attempt = UUID.randomUUID();
        jdbc.sql("insert into cabinet_staff_challenge (id, cabinet_code, username, challenge_id, created_at) values (?, ?, ?, ?, ?)")
                .params(attempt, cabinetCode, member.username(), challenge.id(), Timestamp.from(clock.instant())).update();
        return new CodeSent(attempt, Masking.phone(member.phone().value()));
    }

    /** The second factor: the texted code. On success the screen gets a session token (for its cookie). */
    public SignIn checkCode(String cabinetCode, UUID attempt, String code) {
        record Attempt(String username, UUID challenge) {
        }
        Optional<Attempt> found = jdbc.sql("""
                select username, challenge_id from cabinet_staff_challenge
                where id = ? and cabinet_code = ? and used_at is null and created_at > ?""")
                .params(attempt, cabinetCode, Timestamp.from(clock.instant().minus(CHALLENGE_VALIDITY)))
                .query((rs, n) -> new Attempt(rs.getString(1), rs.getObject(2, UUID.class))).optional();
        if (found.isEmpty()) {
            return new SignInRefused("CODE_EXPIRED");
        }
        VerificationCodes.Result result = codes.verify(found.get().challenge(), purpose(cabinetCode, found.get().username()),
                code.strip());
        if (result == VerificationCodes.Result.WRONG) {
            return new SignInRefused("CODE_WRONG");
        }
        if (result == VerificationCodes.Result.EXPIRED) {
            return new SignInRefused("CODE_EXPIRED");
        }
        Optional<StaffMember> member = directory.find(found.get().username());
        if (member.isEmpty() || !member.get().has(StaffRole.COLLECTOR)) {
            return new SignInRefused("WRONG");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            jdbc.sql("update cabinet_staff_challenge set used_at = ? where id = ?").params(Timestamp.from(now), attempt).update();
            endOpen(cabinetCode, "REPLACED");
            jdbc.sql("""
                    insert into cabinet_staff_session (id, cabinet_code, token_hash, username, display_name, departments, roles,
                        started_at, last_seen)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), cabinetCode, hash(token), member.get().username(), member.get().displayName(),
                            String.join(",", member.get().departments()),
                            member.get().roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
        });
        desk.clear(cabinetCode);
        log.info("Cabinet {}: {} signed in", cabinetCode, member.get().username());
        return new SignedIn(token, staffOf(member.get()));
    }

    private static String purpose(String cabinetCode, String username) {
        return "cabinet-staff:" + cabinetCode + ":" + username;
    }

    /** The staff member signed in at this screen with this token, if the session is live; the call counts as a tap. */
    public Optional<StaffAtCabinet> signedIn(String cabinetCode, @Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StaffAtCabinet> staff = jdbc.sql("""
                update cabinet_staff_session set last_seen = ?
                where token_hash = ? and cabinet_code = ? and ended_at is null and last_seen > ?
                returning username, display_name, departments""")
                .params(Timestamp.from(now), hash(token), cabinetCode, Timestamp.from(now.minus(properties.staffIdle())))
                .query((rs, n) -> new StaffAtCabinet(rs.getString(1), rs.getString(2),
                        Arrays.stream(rs.getString(3).split(",")).filter(d -> !d.isBlank()).collect(Collectors.toUnmodifiableSet())))
                .optional();
        return staff;
    }

    public void signOut(String cabinetCode, @Nullable String token) {
        if (token == null) {
            return;
        }
        jdbc.sql("update cabinet_staff_session set ended_at = ?, end_reason = 'SIGNED_OUT' where token_hash = ? and ended_at is null")
                .params(Timestamp.from(clock.instant()), hash(token)).update();
        desk.clear(cabinetCode);
    }

    private void endOpen(String cabinetCode, String reason) {
        jdbc.sql("update cabinet_staff_session set ended_at = ?, end_reason = ? where cabinet_code = ? and ended_at is null")
                .params(Timestamp.from(clock.instant()), reason, cabinetCode).update();
    }

    /** Ends sessions idle for too long, on whichever node gets there first (an update per row: nothing to claim twice). */
    @Scheduled(fixedDelayString = "${hall24.cabinet.doors.check:5s}")
    void endIdle() {
        int ended = jdbc.sql("update cabinet_staff_session set ended_at = ?, end_reason = 'IDLE' where ended_at is null and last_seen <= ?")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant().minus(properties.staffIdle()))).update();
        if (ended > 0) {
            log.info("{} staff session(s) at cabinet screens ended after {} idle", ended, properties.staffIdle());
        }
    }

    private static StaffAtCabinet staffOf(StaffMember member) {
        return new StaffAtCabinet(member.username(), member.displayName(), member.departments());
    }

    // ---- collecting

    /** The deposits this collector may take: paper of their departments, oldest first. */
    public List<Waiting> waiting(String cabinetCode, StaffAtCabinet staff) {
        if (staff.departments().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select name, occupied_by, department, occupied_since from cabinet_compartment
                where cabinet_code = ? and state = 'OCCUPIED' and occupied_by like 'paper:%' and department = any(?)
                order by occupied_since, name""")
                .params(cabinetCode, staff.departments().toArray(String[]::new))
                .query((rs, n) -> new Waiting(rs.getString(1), Envelope.parse(rs.getString(2)).filingNumber(), rs.getString(3),
                        catalog.department(rs.getString(3)).map(d -> d.name().zh()).orElse(rs.getString(3)),
                        rs.getTimestamp(4) == null ? clock.instant() : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * Opens one deposit's door for the collector.
     *
     * @return the door cycle as it stands after the cabinet's reply
     * @throws NotYoursException if the compartment holds no paper of the collector's departments
     */
    public DoorCycle collect(String cabinetCode, StaffAtCabinet staff, String compartment) {
        DoorCycle cycle = tx.execute(status -> {
            Optional<String> envelope = jdbc.sql("""
                    select occupied_by from cabinet_compartment
                    where cabinet_code = ? and name = ? and state = 'OCCUPIED' and occupied_by like 'paper:%' and department = any(?)
                    for update""")
                    .params(cabinetCode, compartment, staff.departments().toArray(String[]::new)).query(String.class).optional();
            if (envelope.isEmpty()) {
                throw new NotYoursException(compartment);
            }
            DoorCycle started = doors.start(cabinetCode, compartment, Purpose.COLLECT, null, envelope.get(), "staff:" + staff.username());
            desk.notice(cabinetCode, "CYCLE", null, started.id());
            return started;
        });
        return doors.open(cycle);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A staff member signed in at a cabinet screen. */
    public record StaffAtCabinet(String username, String displayName, Set<String> departments) {
    }

    /** A deposit waiting for collection. */
    public record Waiting(String compartment, String filingNumber, String department, String departmentName, Instant since) {
    }

    public sealed interface SignIn {
    }

    /** The password was right; a code went to the masked phone. */
    public record CodeSent(UUID attempt, String maskedPhone) implements SignIn {
    }

    /** Signed in: put the token in the screen's staff cookie. */
    public record SignedIn(String token, StaffAtCabinet staff) implements SignIn {
    }

    /** @param reason WRONG, NOT_COLLECTOR, NO_PHONE, CODE_WRONG, CODE_EXPIRED */
    public record SignInRefused(String reason) implements SignIn {
    }

    public record SignInLocked(long minutes) implements SignIn {
    }

    /** The compartment holds nothing this collector may take. */
    public static final class NotYoursException extends RuntimeException {

        NotYoursException(String compartment) {
            super("compartment " + compartment + " holds no deposit of the collector's departments");
        }
    }
}
