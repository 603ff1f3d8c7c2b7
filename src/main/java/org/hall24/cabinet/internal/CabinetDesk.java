package org.hall24.cabinet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hall24.cabinet.CabinetTokens;
import org.hall24.cabinet.CabinetTokens.Opened;
import org.hall24.cabinet.CabinetTokens.Refused;
import org.hall24.cabinet.Reservation;
import org.hall24.cabinet.internal.DoorCycle.Purpose;
import org.hall24.cabinet.internal.DoorCycle.State;
import org.hall24.cabinet.internal.DoorCycles.DoorBusyException;
import org.hall24.device.CodeScanned;
import org.hall24.platform.RateLimit;
import org.hall24.platform.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a cabinet's screen and scanner do with a presented token: refuse it (and, after too many
 * refusals at one screen, pause the screen), or open the reserved compartment. What the screen
 * shows next is kept in {@code cabinet_screen_notice} — the last refusal or door cycle of the
 * cabinet — so whichever node the screen's next poll reaches renders the same thing, and a scan that
 * arrived over MQTT on one node shows on a screen served by another.
 */
@Service
public class CabinetDesk {

    private static final Logger log = LoggerFactory.getLogger(CabinetDesk.class);
    /** How long a refusal stays on the screen. */
    static final Duration REFUSAL_SHOWN = Duration.ofSeconds(20);
    /** How long a finished door cycle stays on the screen. */
    static final Duration RESULT_SHOWN = Duration.ofSeconds(45);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CabinetTokens tokens;
    private final DoorCycles doors;
    private final RateLimiter limiter;
    private final Clock clock;
    private final DoorProperties properties;
    private final RateLimit refusals;

    CabinetDesk(JdbcClient jdbc, TransactionTemplate tx, CabinetTokens tokens, DoorCycles doors, RateLimiter limiter, Clock clock,
            DoorProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tokens = tokens;
        this.doors = doors;
        this.limiter = limiter;
        this.clock = clock;
        this.properties = properties;
        this.refusals = RateLimit.sliding("cabinet-screen-refusals", properties.refusalsPerScreen(), properties.refusalWindow());
    }

    /**
     * The cabinet's QR scanner read something: it is presented like a code typed on the screen. Not
     * in a transaction of the listener's own (as {@code @ApplicationModuleListener} would be): the
     * door cycle must be committed before its command goes out.
     */
    @Async
    @TransactionalEventListener
    void on(CodeScanned scan) {
        if (jdbc.sql("select count(*) from cabinet_compartment where cabinet_code = ?").param(scan.deviceCode()).query(Integer.class)
                .single() == 0) {
            return;
        }
        present(scan.deviceCode(), scan.code(), "scanner");
    }

    /**
     * Presents a deposit token (QR payload or short code) at a cabinet; on success its compartment opens.
     *
     * @param source {@code scanner} or {@code keypad}, for the record
     */
    public ScreenView present(String cabinetCode, String presented, String source) {
        String screen = "cabinet:" + cabinetCode;
        RateLimiter.Decision paused = limiter.check(refusals, screen);
        if (!paused.allowed()) {
            notice(cabinetCode, "LOCKED", Long.toString(paused.retryAfter().toSeconds()), null);
            log.warn("Cabinet {}: screen paused after too many refused tokens; a {} token was not checked", cabinetCode, source);
            return view(cabinetCode);
        }
        record Started(@Nullable DoorCycle cycle, @Nullable String refusal) {
        }
        Started started = tx.execute(status -> {
            CabinetTokens.Redeemed checked = tokens.check(cabinetCode, presented, screen + ":" + source);
            if (checked instanceof Refused refused) {
                return new Started(null, refused.reason().name());
            }
            Reservation r = ((Opened) checked).reservation();
            if (r.purpose() == Reservation.Purpose.PICKUP) {
                // A pickup code opens a door only after the second factor: the screen asks for it now.
                notice(cabinetCode, "IDENTIFY", r.id().toString(), null);
                return new Started(null, null);
            }
            tokens.redeem(cabinetCode, presented, screen + ":" + source);
            try {
                DoorCycle cycle = doors.start(cabinetCode, r.compartment(), Purpose.DEPOSIT, r.id(), "paper:" + r.subject(),
                        "citizen:" + r.subject());
                notice(cabinetCode, "CYCLE", null, cycle.id());
                return new Started(cycle, null);
            }
            catch (DoorBusyException busy) {
                status.setRollbackOnly();
                return new Started(null, "DOOR_BUSY");
            }
        });
        if (started.refusal() != null) {
            if (!started.refusal().equals("DOOR_BUSY")) {
                limiter.hit(refusals, screen);
            }
            notice(cabinetCode, "REFUSED", started.refusal(), null);
            return view(cabinetCode);
        }
        if (started.cycle() != null) {
            doors.open(started.cycle());
        }
        return view(cabinetCode);
    }

    /** Whether the screen is paused after too many refusals. */
    boolean paused(String cabinetCode) {
        RateLimiter.Decision paused = limiter.check(refusals, "cabinet:" + cabinetCode);
        if (!paused.allowed()) {
            notice(cabinetCode, "LOCKED", Long.toString(paused.retryAfter().toSeconds()), null);
        }
        return !paused.allowed();
    }

    /** A refusal at the screen (a wrong second factor): shown, and counted toward the screen's pause. */
    void refuse(String cabinetCode, String reason) {
        limiter.hit(refusals, "cabinet:" + cabinetCode);
        notice(cabinetCode, "REFUSED", reason, null);
    }

    /** The pickup reservation whose code was just accepted, while the screen waits for the citizen's second factor. */
    Optional<UUID> awaitingIdentity(String cabinetCode) {
        return jdbc.sql("select detail from cabinet_screen_notice where cabinet_code = ? and kind = 'IDENTIFY' and at > ?")
                .params(cabinetCode, Timestamp.from(clock.instant().minus(PickupDesk.IDENTIFY_WINDOW))).query(String.class).optional()
                .map(UUID::fromString);
    }

    /** What the cabinet's screen shows now. */
    public ScreenView view(String cabinetCode) {
        record Notice(String kind, @Nullable String detail, @Nullable UUID cycle, Instant at) {
        }
        Optional<Notice> notice = jdbc.sql("select kind, detail, cycle_id, at from cabinet_screen_notice where cabinet_code = ?")
                .param(cabinetCode)
                .query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()))
                .optional();
        Instant now = clock.instant();
        if (notice.isEmpty()) {
            return ScreenView.idle();
        }
        Notice n = notice.get();
        switch (n.kind()) {
            case "LOCKED" -> {
                RateLimiter.Decision paused = limiter.check(refusals, "cabinet:" + cabinetCode);
                return paused.allowed() ? ScreenView.idle() : ScreenView.of(ScreenView.Kind.LOCKED, null, paused.retryAfter().toSeconds());
            }
            case "IDENTIFY" -> {
                long left = Duration.between(now, n.at().plus(PickupDesk.IDENTIFY_WINDOW)).toSeconds();
                return left <= 0 ? ScreenView.idle() : ScreenView.of(ScreenView.Kind.IDENTIFY, null, left);
            }
            case "REFUSED" -> {
                return n.at().plus(REFUSAL_SHOWN).isBefore(now) ? ScreenView.idle()
                        : ScreenView.of(ScreenView.Kind.REFUSED, n.detail(), 0);
            }
            default -> {
                return n.cycle() == null ? ScreenView.idle() : cycleView(n.cycle(), now);
            }
        }
    }

    /** A cycle as the screen shows it; a jammed door's cycle is followed to the one that replaced it. */
    ScreenView cycleView(UUID cycleId, Instant now) {
        DoorCycle c = doors.find(cycleId).orElse(null);
        String movedFrom = null;
        for (int hops = 0; c != null && c.state() == State.JAMMED && c.replacedBy() != null && hops < 5; hops++) {
            movedFrom = movedFrom == null ? c.compartment() : movedFrom;
            c = doors.find(c.replacedBy()).orElse(null);
        }
        if (c == null) {
            return ScreenView.idle();
        }
        if (c.finishedAt() != null && c.finishedAt().plus(RESULT_SHOWN).isBefore(now)) {
            return ScreenView.idle();
        }
        long openFor = c.openedAt() == null ? 0 : Duration.between(c.openedAt(), now).toSeconds();
        ScreenView.Kind kind = switch (c.state()) {
            case OPENING -> ScreenView.Kind.OPENING;
            case OPEN -> c.closedAt() != null ? ScreenView.Kind.CHECKING : ScreenView.Kind.OPEN;
            case DONE -> switch (c.purpose()) {
                case DEPOSIT -> ScreenView.Kind.DEPOSITED;
                case COLLECT -> ScreenView.Kind.COLLECTED;
                case PLACE -> ScreenView.Kind.PLACED;
                case PICKUP -> ScreenView.Kind.PICKED_UP;
                case RETURN, UNPLANNED -> ScreenView.Kind.COLLECTED;
            };
            case EMPTY -> ScreenView.Kind.EMPTY;
            case NOT_TAKEN -> ScreenView.Kind.NOT_TAKEN;
            case JAMMED -> ScreenView.Kind.JAMMED;
            case FAILED -> ScreenView.Kind.FAILED;
        };
        long seconds = kind == ScreenView.Kind.OPEN ? openFor : kind == ScreenView.Kind.EMPTY ? properties.retryGrace().toMinutes() : 0;
        return new ScreenView(kind, c.compartment(), movedFrom, c.detail(), seconds,
                kind == ScreenView.Kind.OPEN && openFor >= properties.closeReminder().toSeconds());
    }

    void notice(String cabinetCode, String kind, @Nullable String detail, @Nullable UUID cycle) {
        jdbc.sql("""
                insert into cabinet_screen_notice (cabinet_code, kind, detail, cycle_id, at) values (?, ?, ?, ?, ?)
                on conflict (cabinet_code) do update set kind = excluded.kind, detail = excluded.detail, cycle_id = excluded.cycle_id,
                    at = excluded.at""")
                .params(cabinetCode, kind, detail, cycle, Timestamp.from(clock.instant())).update();
    }

    /** Clears the screen back to its start (after a staff member signs out, or the citizen taps "done"). */
    public void clear(String cabinetCode) {
        jdbc.sql("delete from cabinet_screen_notice where cabinet_code = ?").param(cabinetCode).update();
    }

    /** The cabinet's latest door cycles, newest first (the operator's view). */
    public List<DoorCycle> latestCycles(String cabinetCode, int limit) {
        return doors.latest(cabinetCode, limit);
    }

    /**
     * What a cabinet screen shows.
     *
     * @param compartment the door concerned
     * @param movedFrom the door that jammed before this one was opened instead
     * @param detail a refusal's reason, a failure's cause
     * @param seconds for OPEN how long the door has been open; for EMPTY the grace in minutes; for LOCKED how long the pause lasts;
     *        for IDENTIFY how long the screen still waits for the second factor
     * @param closeNow an open door has been open long enough that the screen asks, big, to close it
     */
    public record ScreenView(Kind kind, @Nullable String compartment, @Nullable String movedFrom, @Nullable String detail, long seconds,
            boolean closeNow) {

        static ScreenView idle() {
            return new ScreenView(Kind.IDLE, null, null, null, 0, false);
        }

        static ScreenView of(Kind kind, @Nullable String detail, long seconds) {
            return new ScreenView(kind, null, null, detail, seconds, false);
        }

        public enum Kind {
            IDLE, LOCKED, REFUSED, IDENTIFY, OPENING, OPEN, CHECKING, DEPOSITED, EMPTY, COLLECTED, NOT_TAKEN, PLACED, PICKED_UP, JAMMED, FAILED;

            public String messageKey() {
                return "cabinet.screen." + name();
            }

            /** Whether the screen keeps polling fast (something is happening at a door). */
            public boolean live() {
                return this == OPENING || this == OPEN || this == CHECKING;
            }
        }
    }
}
