package org.hall24.cabinet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.hall24.cabinet.ChainCheck;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyEntry;
import org.hall24.cabinet.CustodyRecord;
import org.hall24.cabinet.CustodyStep;
import org.hall24.cabinet.Envelope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody log in {@code cabinet_custody}, one hash chain per envelope (docs/cabinet.md, "Chain of custody").
 *
 * <p>An entry's hash is the lower-case hex SHA-256 of {@link #canonical}: the previous entry's hash
 * and the entry's fields, each length-prefixed, the time in epoch microseconds — the precision
 * PostgreSQL keeps, so the instant hashed at append is the one read back (it is truncated to
 * microseconds before both). The first entry's previous hash is 64 zeros.
 *
 * <p>Appends take {@code pg_advisory_xact_lock} on the envelope id in the caller's transaction and
 * read the last entry after it, so appends to one envelope from several nodes queue up and make one
 * chain; the lock ends with the transaction. The primary key (envelope, sequence) backs this up: an
 * append that somehow raced (a caller in REPEATABLE READ whose snapshot predates the lock) fails on
 * the duplicate instead of forking the chain. UPDATE, DELETE and TRUNCATE are refused by a trigger.
 */
@Service
class JdbcCustody implements Custody {

    static final String GENESIS = "0".repeat(64);
    /** Tags the encoding, so a future change of it can be told apart. */
    private static final byte[] FORMAT = "hall24-custody-v1".getBytes(StandardCharsets.US_ASCII);
    private static final Logger log = LoggerFactory.getLogger(JdbcCustody.class);
    private static final String COLUMNS = "envelope, sequence, step, actor, cabinet_code, compartment, note, at, previous_hash, hash";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcCustody(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CustodyEntry record(CustodyRecord record) {
        String envelope = record.envelope().id();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("cabinet_custody:" + envelope).query().singleRow();
        Stored tail = jdbc.sql("select " + COLUMNS + " from cabinet_custody where envelope = ? order by sequence desc limit 1")
                .param(envelope).query(JdbcCustody::stored).optional().orElse(null);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Stored entry = new Stored(envelope, tail == null ? 1 : tail.sequence() + 1, record.step().name(), record.actor(),
                record.cabinetCode(), record.compartment(), record.note(), at, tail == null ? GENESIS : tail.hash(), "").signed();
        jdbc.sql("insert into cabinet_custody (kind, filing_number, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.envelope().kind().name(), record.envelope().filingNumber(), envelope, entry.sequence(), entry.step(),
                        entry.actor(), entry.cabinetCode(), entry.compartment(), entry.note(), Timestamp.from(at), entry.previousHash(),
                        entry.hash())
                .update();
        log.info("Custody {} #{}: {} by {}{}", envelope, entry.sequence(), entry.step(), entry.actor(),
                entry.cabinetCode() == null ? "" : " at " + entry.cabinetCode() + (entry.compartment() == null ? "" : "/" + entry.compartment()));
        return entry.toEntry();
    }

    /**
     * A row as stored, its step as the text the table holds (what is hashed, even if someone wrote a
     * step this code does not know).
     */
    record Stored(String envelope, int sequence, String step, String actor, @Nullable String cabinetCode, @Nullable String compartment,
            @Nullable String note, Instant at, String previousHash, String hash) {

        Stored signed() {
            return new Stored(envelope, sequence, step, actor, cabinetCode, compartment, note, at, previousHash, JdbcCustody.hash(this));
        }

        boolean knownStep() {
            return Arrays.stream(CustodyStep.values()).anyMatch(s -> s.name().equals(step));
        }

        CustodyEntry toEntry() {
            return new CustodyEntry(envelope, sequence, CustodyStep.valueOf(step), actor, cabinetCode, compartment, note, at, previousHash,
                    hash);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustodyEntry> chain(String filingNumber) {
        return jdbc.sql("select " + COLUMNS + " from cabinet_custody where filing_number = ? order by at, kind, sequence")
                .param(filingNumber).query(JdbcCustody::stored).stream().filter(Stored::knownStep).map(Stored::toEntry).toList();
    }

    /**
     * The check of the filing's envelope whose chain is broken (paper before result), else one that
     * holds: named after the paper envelope (the result's when only it has entries), with the entries
     * of both counted.
     */
    @Override
    @Transactional(readOnly = true)
    public ChainCheck verify(String filingNumber) {
        List<ChainCheck> checks = new ArrayList<>();
        for (Envelope.Kind kind : Envelope.Kind.values()) {
            String envelope = new Envelope(kind, filingNumber).id();
            List<Stored> entries = jdbc.sql("select " + COLUMNS + " from cabinet_custody where envelope = ? order by sequence")
                    .param(envelope).query(JdbcCustody::stored).list();
            if (!entries.isEmpty()) {
                checks.add(check(envelope, entries));
            }
        }
        for (ChainCheck check : checks) {
            if (!check.intact()) {
                return check;
            }
        }
        int entries = checks.stream().mapToInt(ChainCheck::entries).sum();
        return new ChainCheck(checks.isEmpty() ? Envelope.paper(filingNumber).id() : checks.get(0).envelope(), entries, null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChainCheck> verifyAll() {
        List<ChainCheck> checks = new ArrayList<>();
        List<Stored> current = new ArrayList<>();
        jdbc.sql("select " + COLUMNS + " from cabinet_custody order by envelope, sequence").query(rs -> {
            Stored entry = stored(rs, 0);
            if (!current.isEmpty() && !current.get(0).envelope().equals(entry.envelope())) {
                checks.add(check(current.get(0).envelope(), current));
                current.clear();
            }
            current.add(entry);
        });
        if (!current.isEmpty()) {
            checks.add(check(current.get(0).envelope(), current));
        }
        return checks;
    }

    /** Recomputes one envelope's chain, given its entries by sequence: the first gap, bad link or bad hash. */
    static ChainCheck check(String envelope, List<Stored> entries) {
        String previous = GENESIS;
        int expected = 1;
        for (Stored e : entries) {
            if (e.sequence() != expected) {
                return new ChainCheck(envelope, entries.size(), expected,
                        e.sequence() == expected + 1 ? "entry " + expected + " is missing"
                                : "entries " + expected + " to " + (e.sequence() - 1) + " are missing");
            }
            if (!e.previousHash().equals(previous)) {
                return new ChainCheck(envelope, entries.size(), e.sequence(),
                        expected == 1 ? "the first entry does not start a chain" : "does not link to entry " + (expected - 1));
            }
            if (!hash(e).equals(e.hash())) {
                return new ChainCheck(envelope, entries.size(), e.sequence(), "its fields do not match its hash");
            }
            if (!e.knownStep()) {
                return new ChainCheck(envelope, entries.size(), e.sequence(), "unknown step");
            }
            previous = e.hash();
            expected++;
        }
        return new ChainCheck(envelope, entries.size(), null, null);
    }

    /** The hex SHA-256 of the entry's {@linkplain #canonical canonical encoding} (its own {@code hash} is not part of it). */
    static String hash(Stored entry) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(entry)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * {@code "hall24-custody-v1"}, then previous hash, envelope, sequence (decimal), step, actor,
     * cabinet, compartment, note, time (epoch microseconds, decimal), each as a 4-byte big-endian
     * length and its UTF-8 bytes; an absent value is length -1 with no bytes, so it differs from an
     * empty one.
     */
    static byte[] canonical(Stored e) {
        List<byte @Nullable []> fields = new ArrayList<>();
        fields.add(FORMAT);
        for (String field : new String[] {e.previousHash(), e.envelope(), Integer.toString(e.sequence()), e.step(), e.actor(),
                e.cabinetCode(), e.compartment(), e.note(), Long.toString(micros(e.at()))}) {
            fields.add(field == null ? null : field.getBytes(StandardCharsets.UTF_8));
        }
        int size = 0;
        for (byte[] f : fields) {
            size += 4 + (f == null ? 0 : f.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] f : fields) {
            if (f == null) {
                out.putInt(-1);
            }
            else {
                out.putInt(f.length).put(f);
            }
        }
        return out.array();
    }

    /** Microseconds since the epoch: the precision of a PostgreSQL {@code timestamptz}. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getString("envelope"), rs.getInt("sequence"), rs.getString("step"), rs.getString("actor"),
                rs.getString("cabinet_code"), rs.getString("compartment"), rs.getString("note"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
