package org.hall24.notifications.templates;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Admins' overrides of the templates: each save is a new version of a template's texts, kept in
 * PostgreSQL; the newest version is what {@link MessageTemplates#render} uses on every node. The
 * placeholders and channels stay the file's; an override the file no longer fits (its
 * placeholders changed) is not used and the file's texts are (docs/notifications.md).
 */
public interface TemplateOverrides {

    /** Every template of the file, in file order, as it is in force. */
    List<TemplateState> all();

    /** One template as it is in force, empty if the file has no such template. */
    Optional<TemplateState> find(String key);

    /** A template's stored versions, newest first. */
    List<TemplateVersion> versions(String key);

    /**
     * Saves an admin's texts as the template's next version, in force at once on every node.
     *
     * @param basedOn the version the admin edited ({@link TemplateState#version()}, 0 for the file's texts)
     * @param texts a text for each of the template's fields
     * @param by the admin's user name
     * @return the new version
     * @throws InvalidTemplateTextException if a text breaks {@link TemplateOverrideRules} (nothing is saved)
     * @throws StaleTemplateVersionException if a newer version than {@code basedOn} exists (nothing is saved)
     * @throws NoSuchElementException if the file has no such template
     */
    TemplateVersion save(String key, int basedOn, Map<TemplateField, String> texts, String by);

    /**
     * Goes back to the file's texts: a new version that says so.
     *
     * @throws StaleTemplateVersionException if a newer version than {@code basedOn} exists
     * @throws NoSuchElementException if the file has no such template
     */
    TemplateVersion revert(String key, int basedOn, String by);
}
