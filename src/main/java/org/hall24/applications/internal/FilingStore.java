package org.hall24.applications.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hall24.applications.FiledMaterial;
import org.hall24.applications.FilingStatus;
import org.hall24.applications.FilingTransition;
import org.hall24.applications.MaterialSource;
import org.hall24.catalog.HandlingType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Filings in tables {@code filing}, {@code filing_material}, {@code filing_transition}, {@code filing_counter}. */
@Repository
class FilingStore {

    /** A filing row as stored: personal fields still encrypted. */
    record Row(UUID id, String number, String itemCode, int itemVersion, String department, HandlingType handlingType,
            FilingStatus status, String sealedName, String sealedIdNumber, @Nullable String enterpriseCode,
            @Nullable String sealedPhone, String sealedForm, String deviceCode, String hallCode, Instant submittedAt,
            LocalDate dueDate, String idempotencyKey, UUID draftId) {
    }

    /** A material row with its wrapped file key. */
    record MaterialRow(FiledMaterial material, String wrappedKey) {
    }

    private static final String COLUMNS = """
            id, number, item_code, item_version, department, handling_type, status, applicant_name, id_number,
            enterprise_code, phone, form, device_code, hall_code, submitted_at, due_date, idempotency_key, draft_id""";

    private final JdbcClient jdbc;

    FilingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises submissions with one idempotency key until the transaction ends. */
    void lockIdempotencyKey(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("hall24.applications.submit:" + key).query().singleRow();
    }

    /** The next number of the hall's day, from 1; atomic across nodes. */
    int nextSequence(String hallCode, LocalDate day) {
        return jdbc.sql("""
                insert into filing_counter (hall_code, day, last) values (?, ?, 1)
                on conflict (hall_code, day) do update set last = filing_counter.last + 1
                returning last""")
                .params(hallCode, Date.valueOf(day)).query(Integer.class).single();
    }

    void insert(Row r, String idNumberIndex) {
        jdbc.sql("insert into filing (" + COLUMNS + ", id_number_index) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.number(), r.itemCode(), r.itemVersion(), r.department(), r.handlingType().name(),
                        r.status().name(), r.sealedName(), r.sealedIdNumber(), r.enterpriseCode(), r.sealedPhone(),
                        r.sealedForm(), r.deviceCode(), r.hallCode(), Timestamp.from(r.submittedAt()),
                        Date.valueOf(r.dueDate()), r.idempotencyKey(), r.draftId(), idNumberIndex)
                .update();
    }

    void insertMaterial(UUID filingId, FiledMaterial m, String wrappedKey) {
        jdbc.sql("""
                insert into filing_material (id, filing_id, material_index, content_type, size, pages, sha256, source, file_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), filingId, m.index(), m.contentType(), m.size(), m.pages(), m.sha256(), m.source().name(), wrappedKey)
                .update();
    }

    void insertTransition(UUID filingId, @Nullable FilingStatus from, FilingStatus to, String actor, String reason, Instant at) {
        jdbc.sql("insert into filing_transition (filing_id, from_status, to_status, actor, reason, at) values (?, ?, ?, ?, ?, ?)")
                .params(filingId, from == null ? null : from.name(), to.name(), actor, reason, Timestamp.from(at))
                .update();
    }

    void updateStatus(UUID filingId, FilingStatus status) {
        jdbc.sql("update filing set status = ? where id = ?").params(status.name(), filingId).update();
    }

    Optional<Row> byIdempotencyKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from filing where idempotency_key = ?").param(key).query(FilingStore::row).optional();
    }

    Optional<Row> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from filing where number = ?").param(number).query(FilingStore::row).optional();
    }

    Optional<Row> byNumberForUpdate(String number) {
        return jdbc.sql("select " + COLUMNS + " from filing where number = ? for update").param(number)
                .query(FilingStore::row).optional();
    }

    List<Row> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from filing order by submitted_at desc, number desc limit ?").param(limit)
                .query(FilingStore::row).list();
    }

    List<MaterialRow> materials(UUID filingId) {
        return jdbc.sql("""
                select id, material_index, content_type, size, pages, sha256, source, file_key
                from filing_material where filing_id = ? order by material_index, id""")
                .param(filingId)
                .query((rs, n) -> new MaterialRow(new FiledMaterial(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getLong(4), rs.getInt(5), rs.getString(6), MaterialSource.valueOf(rs.getString(7))), rs.getString(8)))
                .list();
    }

    List<FilingTransition> transitions(UUID filingId) {
        return jdbc.sql("select from_status, to_status, actor, reason, at from filing_transition where filing_id = ? order by id")
                .param(filingId)
                .query((rs, n) -> new FilingTransition(rs.getString(1) == null ? null : FilingStatus.valueOf(rs.getString(1)),
                        FilingStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("item_code"),
                rs.getInt("item_version"), rs.getString("department"), HandlingType.valueOf(rs.getString("handling_type")),
                FilingStatus.valueOf(rs.getString("status")), rs.getString("applicant_name"), rs.getString("id_number"),
                rs.getString("enterprise_code"), rs.getString("phone"), rs.getString("form"), rs.getString("device_code"),
                rs.getString("hall_code"), rs.getTimestamp("submitted_at").toInstant(), rs.getDate("due_date").toLocalDate(),
                rs.getString("idempotency_key"), rs.getObject("draft_id", UUID.class));
    }
}
