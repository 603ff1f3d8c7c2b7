package org.hall24.notifications.templates;

import java.util.List;
import java.util.stream.Collectors;

/** Texts an admin wrote that break {@link TemplateOverrideRules}: nothing was saved. */
public class InvalidTemplateTextException extends IllegalArgumentException {

    private final List<TextProblem> problems;

    public InvalidTemplateTextException(String key, List<TextProblem> problems) {
        super("template " + key + ": " + problems.stream().map(TextProblem::detail).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** What is wrong, per field. */
    public List<TextProblem> problems() {
        return problems;
    }
}
