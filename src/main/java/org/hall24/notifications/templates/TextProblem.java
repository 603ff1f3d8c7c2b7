package org.hall24.notifications.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a text an admin wrote cannot be saved (or a stored override can no longer be used).
 *
 * @param field the text it is about, null if it is about the whole template (its placeholders changed)
 * @param code what is wrong; the message key is {@code notifications.templates.problem.<code>}
 * @param arguments the message's arguments
 * @param detail the same in English, for logs and the API
 */
public record TextProblem(@Nullable TemplateField field, String code, List<String> arguments, String detail) {

    public TextProblem {
        arguments = List.copyOf(arguments);
    }

    /** The message key of {@link #code}. */
    public String messageKey() {
        return "notifications.templates.problem." + code;
    }
}
