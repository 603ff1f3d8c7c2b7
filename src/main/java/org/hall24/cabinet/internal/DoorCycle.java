package org.hall24.cabinet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One opening of one compartment door, as {@code cabinet_door_cycle} holds it: from the
 * {@code open-compartment} command to the door closing and the item sensor's reading after it.
 *
 * @param envelope what the cycle moves: {@code paper:<filing>} or {@code result:<filing>}; null for an unplanned opening
 * @param actor who opened it: {@code citizen:<filing>}, {@code staff:<username>}, {@code device:<code>}
 * @param occupied the item sensor's reading after the door closed (null until it came)
 * @param replacedBy the cycle on another compartment that took over after this door jammed
 */
public record DoorCycle(UUID id, String cabinetCode, String compartment, Purpose purpose, @Nullable UUID reservationId,
        @Nullable String envelope, String actor, State state, @Nullable UUID commandId, Instant startedAt, @Nullable Instant openedAt,
        @Nullable Instant closedAt, @Nullable Boolean occupied, @Nullable Instant occupiedAt, @Nullable Instant finishedAt,
        @Nullable String detail, @Nullable UUID replacedBy) {

    public enum Purpose {
        /** A citizen puts a filing's paper in. */
        DEPOSIT,
        /** A citizen takes a result out. */
        PICKUP,
        /** A collector takes a deposit out. */
        COLLECT,
        /** Staff put a result in for pickup. */
        PLACE,
        /** Staff take out a result that was not picked up in time. */
        RETURN,
        /** A door opened without the platform opening it. */
        UNPLANNED;

        /** Whether the compartment should hold the envelope when the door closes (in) or be empty (out). */
        boolean putsIn() {
            return this == DEPOSIT || this == PLACE;
        }
    }

    public enum State {
        /** The command is on its way; the door has not reported open. */
        OPENING,
        /** The door is open. */
        OPEN,
        /** Closed, and the sensor confirmed what the cycle was for. */
        DONE,
        /** Closed, but the sensor reads empty where something should have been put in. */
        EMPTY,
        /** Closed, but the sensor still reads occupied where something should have been taken out. */
        NOT_TAKEN,
        /** The door did not open ({@code DOOR_JAMMED}); the compartment is out of order. */
        JAMMED,
        /** The command did not get through (offline, no reply and no door event). */
        FAILED;

        public boolean finished() {
            return this != OPENING && this != OPEN;
        }
    }

    static DoorCycle read(ResultSet rs, int row) throws SQLException {
        return new DoorCycle(rs.getObject("id", UUID.class), rs.getString("cabinet_code"), rs.getString("compartment"),
                Purpose.valueOf(rs.getString("purpose")), rs.getObject("reservation_id", UUID.class), rs.getString("envelope"),
                rs.getString("actor"), State.valueOf(rs.getString("state")), rs.getObject("command_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(), instant(rs, "opened_at"), instant(rs, "closed_at"),
                (Boolean) rs.getObject("occupied"), instant(rs, "occupied_at"), instant(rs, "finished_at"), rs.getString("detail"),
                rs.getObject("replaced_by", UUID.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
