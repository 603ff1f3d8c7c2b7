package org.hall24.notifications.templates;

import org.jspecify.annotations.Nullable;

/** A template file (or the signature) that breaks a rule: stops start-up, naming where. */
public class TemplateFileException extends IllegalStateException {

    public TemplateFileException(String file, @Nullable String template, @Nullable String language, String problem) {
        super("Message templates: " + file + (template == null ? "" : ", template " + template)
                + (language == null ? "" : ", " + language) + ": " + problem);
    }
}
