package org.hall24.notifications.internal.staff;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link StaffDigests} every {@code hall24.notifications.digest.period} (default 1 min), on a
 * scheduler thread of its own, unless {@code hall24.notifications.digest.enabled=false} — as the
 * tests have it: they share one database between contexts with different clocks, so each test
 * runs the digest itself, at the time it set.
 */
@Component
@ConditionalOnProperty(name = "hall24.notifications.digest.enabled", havingValue = "true", matchIfMissing = true)
class StaffDigestSchedule {

    private final StaffDigests digests;

    StaffDigestSchedule(StaffDigests digests) {
        this.digests = digests;
    }

    @Scheduled(fixedDelayString = "${hall24.notifications.digest.period:1m}", initialDelayString = "${hall24.notifications.digest.period:1m}")
    void run() {
        digests.run();
    }
}
