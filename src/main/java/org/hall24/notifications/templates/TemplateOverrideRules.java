package org.hall24.notifications.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What an admin may write over a template's texts. The file's rules for a text hold
 * ({@link TemplateText#parse}: braces only around a placeholder; not empty; every language), and:
 * <ul>
 * <li>the placeholders stay the file's: a text names only declared ones (they are the event's
 * contract with the module that sends it, which passes exactly those values);</li>
 * <li>a text keeps each secret placeholder its file text names (the one-time code or link the
 * message exists to deliver);</li>
 * <li>an SMS text does not carry the signature (it is added to every SMS);</li>
 * <li>at most {@value #MAX_SMS} characters for an SMS, {@value #MAX_SUBJECT} for a subject,
 * {@value #MAX_BODY} for a body.</li>
 * </ul>
 * A stored override is checked again against the file as it is now ({@link #checkStored}): if the
 * file's placeholders changed since it was written, it is not used.
 */
public final class TemplateOverrideRules {

    public static final int MAX_SMS = 500;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 10_000;

    private TemplateOverrideRules() {
    }

    /** A text as it is kept: line ends as {@code \n} (a form sends {@code \r\n}), no surrounding white space. */
    public static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /**
     * Checks the texts an admin wrote for a template.
     *
     * @param texts a text for each of {@link TemplateField#of(TemplateDefinition) the template's fields}; others are ignored
     * @return what is wrong, per field, empty if they can be saved
     */
    public static List<TextProblem> check(TemplateDefinition file, String signature, Map<TemplateField, String> texts) {
        List<TextProblem> problems = new ArrayList<>();
        Set<String> declared = declared(file);
        for (TemplateField field : TemplateField.of(file)) {
            check(file, signature, declared, field, texts.get(field), problems);
        }
        return problems;
    }

    /**
     * Checks a stored override against the file as it is now: the same placeholders as when it was
     * written, a text for each field the file's template has and none else, each text passing
     * {@link #check}.
     *
     * @return why it cannot be used, empty if it can
     */
    public static List<TextProblem> checkStored(TemplateDefinition file, String signature, TemplateVersion version) {
        List<String> now = List.copyOf(declared(file));
        List<String> then = List.copyOf(new TreeSet<>(version.placeholders()));
        if (!now.equals(then)) {
            return List.of(new TextProblem(null, "placeholders-changed", List.of(braced(then), braced(now)),
                    "it was written for the placeholders " + braced(then) + ", the file now declares " + braced(now)));
        }
        Map<TemplateField, String> texts = new LinkedHashMap<>();
        List<TextProblem> problems = new ArrayList<>();
        List<TemplateField> fields = TemplateField.of(file);
        version.texts().forEach((name, text) -> {
            TemplateField field = TemplateField.named(name).orElse(null);
            if (field == null || !fields.contains(field)) {
                problems.add(new TextProblem(field, "not-in-file", List.of(name),
                        "it has a text " + name + " that the file's template no longer has"));
            }
            else {
                texts.put(field, text);
            }
        });
        problems.addAll(check(file, signature, texts));
        return problems;
    }

    /** The file's definition with the texts in place of its own; the texts must have passed {@link #check}. */
    public static TemplateDefinition apply(TemplateDefinition file, Map<TemplateField, String> texts) {
        Map<TemplateField.Part, Map<Locale, TemplateText>> parts = new LinkedHashMap<>();
        for (TemplateField field : TemplateField.of(file)) {
            String text = texts.get(field);
            if (text == null) {
                throw new IllegalArgumentException("no text for " + field.name() + " of " + file.key());
            }
            parts.computeIfAbsent(field.part(), p -> new LinkedHashMap<>()).put(field.language(), TemplateText.parse(normalise(text)));
        }
        return new TemplateDefinition(file.key(), file.description(), file.validFor(), file.placeholders(),
                parts.getOrDefault(TemplateField.Part.SMS, Map.of()), parts.getOrDefault(TemplateField.Part.SUBJECT, Map.of()),
                parts.getOrDefault(TemplateField.Part.BODY, Map.of()));
    }

    /** The names of the file's placeholders, sorted. */
    public static Set<String> declared(TemplateDefinition file) {
        return file.placeholders().stream().map(TemplateDefinition.Placeholder::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void check(TemplateDefinition file, String signature, Set<String> declared, TemplateField field,
            @Nullable String raw, List<TextProblem> problems) {
        String where = field.name() + " of " + file.key();
        if (raw == null) {
            problems.add(new TextProblem(field, "missing", List.of(field.language().toLanguageTag()),
                    where + " is missing (every template has zh-CN and en)"));
            return;
        }
        String text = normalise(raw);
        if (text.isEmpty()) {
            problems.add(new TextProblem(field, "empty", List.of(), where + " is empty"));
            return;
        }
        int max = switch (field.part()) {
            case SMS -> MAX_SMS;
            case SUBJECT -> MAX_SUBJECT;
            case BODY -> MAX_BODY;
        };
        if (text.length() > max) {
            problems.add(new TextProblem(field, "too-long", List.of(String.valueOf(max)), where + " is longer than " + max));
            return;
        }
        if (field.part() == TemplateField.Part.SMS && text.startsWith(signature)) {
            problems.add(new TextProblem(field, "signature", List.of(signature),
                    where + " starts with the signature " + signature + ", which is added to every SMS"));
            return;
        }
        TemplateText parsed;
        try {
            parsed = TemplateText.parse(text);
        }
        catch (IllegalArgumentException e) {
            problems.add(new TextProblem(field, "brace", List.of(), where + ": " + e.getMessage()));
            return;
        }
        for (String name : parsed.placeholders()) {
            if (!declared.contains(name)) {
                problems.add(new TextProblem(field, "unknown", List.of("{" + name + "}", braced(declared)),
                        where + " names the unknown placeholder {" + name + "}; declared: " + braced(declared)));
            }
        }
        TemplateText original = field.in(file);
        if (original != null) {
            for (String name : original.placeholders()) {
                boolean secret = file.placeholder(name).map(TemplateDefinition.Placeholder::secret).orElse(false);
                if (secret && !parsed.placeholders().contains(name)) {
                    problems.add(new TextProblem(field, "secret-missing", List.of("{" + name + "}"),
                            where + " leaves out the secret placeholder {" + name + "} the message exists to deliver"));
                }
            }
        }
    }

    private static String braced(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add("{" + n + "}"));
        return String.join(" ", out);
    }
}
