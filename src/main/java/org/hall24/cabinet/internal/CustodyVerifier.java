package org.hall24.cabinet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hall24.cabinet.ChainCheck;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyChainBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every custody chain every {@code hall24.cabinet.custody-verify} (default 1 h, fixed
 * delay) and on an operator's request; logs an ERROR and publishes {@link CustodyChainBroken} per
 * broken chain, and keeps what it found in {@code cabinet_custody_check} / {@code cabinet_custody_run}
 * for the admin page (any node shows the last run, whichever node made it).
 *
 * <p>Several nodes: a scheduled run takes {@code pg_try_advisory_xact_lock} and skips when another
 * node holds it, or when a run finished less than 90 % of the period ago (so the cluster checks
 * about once a period, not once per node). The check itself only reads the log; the lock guards the
 * replacement of the last run's results. An operator's run waits for the lock instead of skipping.
 */
@Component
public class CustodyVerifier {

    /** A verification run: when, by whom ({@code schedule} or {@code staff:<username>}), how many chains, how many broken. */
    public record Run(Instant startedAt, Instant finishedAt, String startedBy, int chains, int broken) {
    }

    private static final Logger log = LoggerFactory.getLogger(CustodyVerifier.class);
    private static final String LOCK = "cabinet_custody:verify";

    private final Custody custody;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration period;

    CustodyVerifier(Custody custody, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${hall24.cabinet.custody-verify:1h}") Duration period) {
        this.custody = custody;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.period = period;
    }

    @Scheduled(fixedDelayString = "${hall24.cabinet.custody-verify:1h}", initialDelayString = "${hall24.cabinet.custody-verify:1h}")
    @Transactional
    public void scheduled() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))").param(LOCK).query(Boolean.class).single()) {
            log.debug("Custody verification: another node is verifying");
            return;
        }
        Optional<Run> last = lastRun();
        if (last.isPresent() && last.get().finishedAt().isAfter(clock.instant().minus(period.multipliedBy(9).dividedBy(10)))) {
            log.debug("Custody verification: last run at {} is recent", last.get().finishedAt());
            return;
        }
        run("schedule");
    }

    /**
     * Verifies every chain now and records the run as the last one.
     *
     * @param by who asked, e.g. {@code staff:<username>}
     */
    @Transactional
    public Run verifyNow(String by) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(LOCK).query().singleRow();
        return run(by);
    }

    private Run run(String by) {
        Instant started = clock.instant();
        List<ChainCheck> checks = custody.verifyAll();
        Instant finished = clock.instant();
        jdbc.sql("delete from cabinet_custody_check").update();
        int broken = 0;
        for (ChainCheck check : checks) {
            jdbc.sql("insert into cabinet_custody_check (envelope, entries, broken_at, problem, checked_at) values (?, ?, ?, ?, ?)")
                    .params(check.envelope(), check.entries(), check.brokenAt(), check.problem(), Timestamp.from(finished)).update();
            if (!check.intact()) {
                broken++;
                log.error("Custody chain {} is broken at entry {}: {}", check.envelope(), check.brokenAt(), check.problem());
                events.publishEvent(new CustodyChainBroken(check.envelope(), Objects.requireNonNull(check.brokenAt()),
                        Objects.requireNonNullElse(check.problem(), "broken")));
            }
        }
        jdbc.sql("insert into cabinet_custody_run (started_at, finished_at, chains, broken, started_by) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(started), Timestamp.from(finished), checks.size(), broken, by).update();
        log.info("Custody verification by {}: {} chain(s), {} broken", by, checks.size(), broken);
        return new Run(started, finished, by, checks.size(), broken);
    }

    /** The newest run, on any node. */
    @Transactional(readOnly = true)
    public Optional<Run> lastRun() {
        return jdbc.sql("select started_at, finished_at, started_by, chains, broken from cabinet_custody_run order by id desc limit 1")
                .query((rs, n) -> new Run(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    /** What the last run found, broken chains first, then by envelope. */
    @Transactional(readOnly = true)
    public List<ChainCheck> lastChecks() {
        return jdbc.sql("select envelope, entries, broken_at, problem from cabinet_custody_check order by broken_at is null, envelope")
                .query((rs, n) -> new ChainCheck(rs.getString(1), rs.getInt(2), rs.getObject(3, Integer.class), rs.getString(4))).list();
    }
}
