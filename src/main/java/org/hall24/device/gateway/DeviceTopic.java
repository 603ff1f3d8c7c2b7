package org.hall24.device.gateway;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A device topic {@code hall24/{hall}/{device}/{kind}[/{eventType}]} taken apart.
 *
 * @param eventType the last level of an {@code events/{type}} topic; {@code null} for other kinds
 */
public record DeviceTopic(String hall, String device, Kind kind, @Nullable String eventType) {

    public enum Kind { STATUS, TELEMETRY, EVENT, REPLY, COMMAND }

    public static final String ROOT = "hall24";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** The topic taken apart, or {@code null} when it is not a device topic of this protocol. */
    public static @Nullable DeviceTopic parse(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length < 4 || levels.length > 5 || !ROOT.equals(levels[0])
                || !SEGMENT.matcher(levels[1]).matches() || !SEGMENT.matcher(levels[2]).matches()) {
            return null;
        }
        if (levels.length == 5) {
            return "events".equals(levels[3]) && SEGMENT.matcher(levels[4]).matches()
                    ? new DeviceTopic(levels[1], levels[2], Kind.EVENT, levels[4]) : null;
        }
        Kind kind = switch (levels[3]) {
            case "status" -> Kind.STATUS;
            case "telemetry" -> Kind.TELEMETRY;
            case "replies" -> Kind.REPLY;
            case "commands" -> Kind.COMMAND;
            default -> null;
        };
        return kind == null ? null : new DeviceTopic(levels[1], levels[2], kind, null);
    }

    public static String commands(String hall, String device) {
        return ROOT + "/" + hall + "/" + device + "/commands";
    }
}
