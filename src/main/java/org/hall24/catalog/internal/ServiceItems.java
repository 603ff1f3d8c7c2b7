package org.hall24.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hall24.catalog.Category;
import org.hall24.catalog.Department;
import org.hall24.catalog.ItemChange;
import org.hall24.catalog.ServiceItem;
import org.hall24.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The stored catalog: categories, departments and every version of every item. A version's
 * definition is kept whole as JSON, so a filing that pins it reads exactly what the applicant saw.
 */
@Repository
class ServiceItems {

    /** Where a version came from. */
    enum Source { FILE, ADMIN }

    /** A stored version with its provenance. */
    record StoredVersion(ServiceItem item, Source source) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServiceItems(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void lockForLoading() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('hall24.catalog.load'))").query().singleRow();
    }

    void saveCategories(List<Category> categories) {
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            jdbc.sql("""
                    insert into catalog_category (code, name_zh, name_en, position) values (?, ?, ?, ?)
                    on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                        position = excluded.position""")
                    .params(c.code(), c.name().zh(), c.name().en(), i)
                    .update();
        }
    }

    void saveDepartment(Department d) {
        jdbc.sql("""
                insert into catalog_department (code, name_zh, name_en) values (?, ?, ?)
                on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en""")
                .params(d.code(), d.name().zh(), d.name().en())
                .update();
    }

    List<Category> categories() {
        return jdbc.sql("select code, name_zh, name_en from catalog_category order by position")
                .query((rs, n) -> new Category(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3))))
                .list();
    }

    List<Department> departments() {
        return jdbc.sql("select code, name_zh, name_en from catalog_department order by code")
                .query((rs, n) -> new Department(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3))))
                .list();
    }

    /** The current version number of an item, locking the item's row until the transaction ends. */
    Optional<Integer> lockCurrentVersion(String code) {
        return jdbc.sql("select current_version from catalog_item where code = ? for update")
                .param(code).query(Integer.class).optional();
    }

    Optional<StoredVersion> version(String code, int version) {
        return jdbc.sql("select definition::text, source from catalog_item_version where code = ? and version = ?")
                .params(code, version)
                .query((rs, n) -> new StoredVersion(read(rs.getString(1)), Source.valueOf(rs.getString(2))))
                .optional();
    }

    /**
     * Stores a new version and makes it current (when it is newer than the current one).
     */
    void insert(ServiceItem item, Source source, String actor, List<String> changedFields, Instant at) {
        jdbc.sql("""
                insert into catalog_item (code, current_version, updated_at) values (?, ?, ?)
                on conflict (code) do update set current_version = greatest(catalog_item.current_version, excluded.current_version),
                    updated_at = excluded.updated_at""")
                .params(item.code(), item.version(), Timestamp.from(at))
                .update();
        jdbc.sql("""
                insert into catalog_item_version (code, version, definition, source, created_by, created_at, changed_fields)
                values (?, ?, ?::json, ?, ?, ?, ?)""")
                .params(item.code(), item.version(), json.writeValueAsString(item), source.name(), actor,
                        Timestamp.from(at), String.join(",", changedFields))
                .update();
    }

    /**
     * Rewrites a stored version's text in the order its file gives, when only the order differs:
     * versions stored before definitions were kept as written (jsonb sorted their keys, and with them
     * the fields of the item's form).
     *
     * @return whether the stored text changed
     */
    boolean restoreWrittenOrder(ServiceItem item) {
        String written = json.writeValueAsString(item);
        return jdbc.sql("update catalog_item_version set definition = ?::json where code = ? and version = ?"
                + " and definition::text <> ? and definition::jsonb = ?::jsonb")
                .params(written, item.code(), item.version(), written, written)
                .update() > 0;
    }

    List<ServiceItem> current() {
        return jdbc.sql("""
                select v.definition::text from catalog_item i
                join catalog_item_version v on v.code = i.code and v.version = i.current_version
                order by i.code""")
                .query((rs, n) -> read(rs.getString(1)))
                .list();
    }

    List<ItemChange> history(String code) {
        return jdbc.sql("""
                select code, version, source, created_by, created_at, changed_fields from catalog_item_version
                where code = ? order by version desc""")
                .param(code)
                .query((rs, n) -> new ItemChange(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6).isEmpty() ? List.of() : Arrays.asList(rs.getString(6).split(","))))
                .list();
    }

    long revision() {
        return jdbc.sql("select revision from catalog_state where id = 1").query(Long.class).single();
    }

    void bumpRevision() {
        jdbc.sql("update catalog_state set revision = revision + 1 where id = 1").update();
    }

    private ServiceItem read(String definition) {
        return json.readValue(definition, ServiceItem.class);
    }
}
