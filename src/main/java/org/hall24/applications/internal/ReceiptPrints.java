package org.hall24.applications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.hall24.applications.ReceiptPrint;
import org.hall24.device.CommandOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of receipt prints ({@code filing_print}). */
@Repository
class ReceiptPrints {

    private final JdbcClient jdbc;

    ReceiptPrints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The copy number the next print of this filing gets. */
    int nextCopy(UUID filingId) {
        return jdbc.sql("select coalesce(max(copy), 0) + 1 from filing_print where filing_id = ?").param(filingId)
                .query(Integer.class).single();
    }

    ReceiptPrint record(UUID filingId, String number, String deviceCode, int copy, CommandOutcome outcome, Instant at) {
        String code = outcome.ok() ? null : outcome.code() != null ? outcome.code() : outcome.result().name();
        String message = outcome.ok() ? null : outcome.message();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into filing_print (id, filing_id, device_code, copy, printed, code, message, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, filingId, deviceCode, copy, outcome.ok(), code,
                        message == null ? null : message.substring(0, Math.min(500, message.length())), Timestamp.from(at))
                .update();
        return new ReceiptPrint(id, number, deviceCode, copy, outcome.ok(), code, message, at);
    }

    Optional<ReceiptPrint> last(String number) {
        return jdbc.sql("""
                select p.id, f.number, p.device_code, p.copy, p.printed, p.code, p.message, p.at
                from filing_print p join filing f on f.id = p.filing_id
                where f.number = ? order by p.copy desc limit 1""")
                .param(number)
                .query((rs, n) -> new ReceiptPrint(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .optional();
    }
}
