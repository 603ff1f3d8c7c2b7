package org.hall24.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hall24.notifications.templates.TemplateVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The versions of the templates' texts ({@code notification_template_version}); every method runs in the caller's transaction. */
@Repository
class TemplateVersionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "template_key, version, source, texts::text as texts, placeholders, created_by, created_at";

    private final JdbcClient jdbc;

    TemplateVersionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grows with every stored version. */
    long revision() {
        return jdbc.sql("select revision from notification_template_state where id = 1").query(Long.class).single();
    }

    /**
     * Moves the revision, holding its row until the transaction ends, so that versions are written one
     * after another (no two saves take the same number).
     */
    void lockAndMoveRevision() {
        jdbc.sql("update notification_template_state set revision = revision + 1 where id = 1").update();
    }

    /** The newest version of every template that has one. */
    List<TemplateVersion> newest() {
        return jdbc.sql("select distinct on (template_key) " + COLUMNS
                + " from notification_template_version order by template_key, version desc").query(TemplateVersionStore::row).list();
    }

    Optional<TemplateVersion> newest(String key) {
        return jdbc.sql("select " + COLUMNS + " from notification_template_version where template_key = ? order by version desc limit 1")
                .param(key).query(TemplateVersionStore::row).optional();
    }

    /** A template's versions, newest first. */
    List<TemplateVersion> versions(String key) {
        return jdbc.sql("select " + COLUMNS + " from notification_template_version where template_key = ? order by version desc")
                .param(key).query(TemplateVersionStore::row).list();
    }

    void insert(TemplateVersion v) {
        jdbc.sql("""
                insert into notification_template_version (template_key, version, source, texts, placeholders, created_by, created_at)
                values (:key, :version, :source, cast(:texts as jsonb), :placeholders, :by, :at)""")
                .param("key", v.key()).param("version", v.version()).param("source", v.source().name())
                .param("texts", v.source() == TemplateVersion.Source.FILE ? null : JSON.writeValueAsString(new LinkedHashMap<>(v.texts())))
                .param("placeholders", String.join(",", v.placeholders()))
                .param("by", v.createdBy()).param("at", Timestamp.from(v.createdAt()))
                .update();
    }

    private static TemplateVersion row(ResultSet rs, int n) throws SQLException {
        String texts = rs.getString("texts");
        String placeholders = rs.getString("placeholders");
        Map<String, String> parsed = texts == null ? Map.of() : JSON.readValue(texts, TEXTS);
        return new TemplateVersion(rs.getString("template_key"), rs.getInt("version"),
                TemplateVersion.Source.valueOf(rs.getString("source")), parsed,
                placeholders.isEmpty() ? List.of() : Arrays.asList(placeholders.split(",")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
