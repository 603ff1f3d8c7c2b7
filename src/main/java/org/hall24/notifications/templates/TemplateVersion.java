package org.hall24.notifications.templates;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a template's texts: an admin's override, or a return to the file's texts. Versions
 * are numbered per template from 1 and never change; the newest is in force.
 *
 * @param texts by {@link TemplateField#name()}, as the admin wrote them; empty for {@link Source#FILE}
 * @param placeholders the placeholders the file declared when it was saved (an override is only used while they stay the same)
 * @param createdBy the admin's user name
 */
public record TemplateVersion(String key, int version, Source source, Map<String, String> texts, List<String> placeholders,
        String createdBy, Instant createdAt) {

    public TemplateVersion {
        texts = Map.copyOf(texts);
        placeholders = List.copyOf(placeholders);
    }

    /** Where a version's texts come from. */
    public enum Source {
        /** An admin's texts. */
        ADMIN,
        /** Back to the file's texts ({@code templates.yaml}). */
        FILE
    }
}
