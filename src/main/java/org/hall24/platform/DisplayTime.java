package org.hall24.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How instants are shown to people: in the halls' local time ({@code hall24.display-time-zone},
 * default Asia/Shanghai), while everything is stored in UTC. Every page has it as
 * {@code displayTime} ({@code ${displayTime.format(x)}}).
 */
@Component
public class DisplayTime {

    private final ZoneId zone;
    private final DateTimeFormatter seconds;

    DisplayTime(@Value("${hall24.display-time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
        this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(this.zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2026-11-28 17:05:09} in the halls' time; empty for no instant. */
    public String format(@Nullable Instant instant) {
        return instant == null ? "" : seconds.format(instant);
    }
}
