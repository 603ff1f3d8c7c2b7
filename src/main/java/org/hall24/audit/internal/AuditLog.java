package org.hall24.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import org.hall24.audit.AuditEntry;
import org.hall24.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail in table {@code audit_entry}. Each entry's hash covers the previous entry's
 * hash, so deleting or editing a row breaks the chain at that row, which
 * {@link #firstBrokenEntry()} finds. Appends are serialised with an advisory lock so that
 * several nodes extend one chain.
 */
@Service
class AuditLog implements AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    AuditEntry append(String actor, String action, String subject, String detail) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('hall24.audit.append'))").query().singleRow();
        record Last(long sequence, String hash) {
        }
        Last last = jdbc.sql("select sequence, hash from audit_entry order by sequence desc limit 1")
                .query((rs, n) -> new Last(rs.getLong(1), rs.getString(2))).optional().orElse(new Last(0, GENESIS));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long sequence = last.sequence() + 1;
        String hash = hash(last.hash(), sequence, at, actor, action, subject, detail);
        jdbc.sql("""
                insert into audit_entry (sequence, at, actor, action, subject, detail, hash)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(sequence, Timestamp.from(at), actor, action, subject, detail, hash)
                .update();
        return new AuditEntry(sequence, at, actor, action, subject, detail, hash);
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select sequence, at, actor, action, subject, detail, hash from audit_entry order by sequence desc limit ?")
                .param(limit).query(AuditLog::entry).list();
    }

    @Override
    public List<AuditEntry> about(String subject) {
        return jdbc.sql("select sequence, at, actor, action, subject, detail, hash from audit_entry where subject = ? order by sequence")
                .param(subject).query(AuditLog::entry).list();
    }

    @Override
    public OptionalLong firstBrokenEntry() {
        String previous = GENESIS;
        long expected = 1;
        for (AuditEntry e : jdbc.sql("select sequence, at, actor, action, subject, detail, hash from audit_entry order by sequence")
                .query(AuditLog::entry).list()) {
            if (e.sequence() != expected
                    || !e.hash().equals(hash(previous, e.sequence(), e.at(), e.actor(), e.action(), e.subject(), e.detail()))) {
                return OptionalLong.of(expected);
            }
            previous = e.hash();
            expected++;
        }
        return OptionalLong.empty();
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7));
    }

    static String hash(String previous, long sequence, Instant at, String actor, String action, String subject,
            String detail) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(previous, Long.toString(sequence), at.toString(), actor, action, subject, detail)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
