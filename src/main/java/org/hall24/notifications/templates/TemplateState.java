package org.hall24.notifications.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A template as it is in force: the file's, or an admin's override of its texts.
 *
 * @param file as {@code templates.yaml} declares it
 * @param current what messages are rendered from: the override if one is in force, else {@code file}
 * @param newest the newest stored version, null if no admin ever edited it
 * @param refused why the newest version, an override, is not used (the file's placeholders or
 *         texts changed since it was written), empty if it is used or there is none
 */
public record TemplateState(TemplateDefinition file, TemplateDefinition current, @Nullable TemplateVersion newest,
        List<TextProblem> refused) {

    public TemplateState {
        refused = List.copyOf(refused);
    }

    public String key() {
        return file.key();
    }

    /** Whether an admin's texts are in force. */
    public boolean overridden() {
        return newest != null && newest.source() == TemplateVersion.Source.ADMIN && refused.isEmpty();
    }

    /** The newest version's number, 0 if there is none (the form sends it back, so two admins do not overwrite each other). */
    public int version() {
        return newest == null ? 0 : newest.version();
    }

    /** Whether reverting to the file's texts changes anything: the newest version is an override (in force or refused). */
    public boolean revertible() {
        return newest != null && newest.source() == TemplateVersion.Source.ADMIN;
    }
}
