package org.hall24.notifications.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text of a template, parsed: literals and {@code {placeholder}}s. Braces mean a placeholder
 * and nothing else; a stray brace is an error.
 */
public final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9-]*)\\}");

    private final String source;
    private final List<Object> parts;

    private TemplateText(String source, List<Object> parts) {
        this.source = source;
        this.parts = parts;
    }

    /**
     * Parses a text.
     *
     * @throws IllegalArgumentException naming what is wrong (a stray brace, an empty text)
     */
    public static TemplateText parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("the text is empty");
        }
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int at = 0;
        while (m.find()) {
            literal(source.substring(at, m.start()), parts);
            parts.add(new Name(m.group(1)));
            at = m.end();
        }
        literal(source.substring(at), parts);
        return new TemplateText(source, List.copyOf(parts));
    }

    private static void literal(String text, List<Object> parts) {
        int brace = Math.max(text.indexOf('{'), text.indexOf('}'));
        if (brace >= 0) {
            throw new IllegalArgumentException("a brace that is not a placeholder: \"" + excerpt(text, brace)
                    + "\" (a placeholder is {name}: lower-case letters, digits and hyphens)");
        }
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 10), Math.min(text.length(), at + 10));
    }

    /** The placeholders it names, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (Object part : parts) {
            if (part instanceof Name name) {
                names.add(name.value());
            }
        }
        return names;
    }

    /** The text with each placeholder replaced by {@code value.apply(name)}. */
    public String render(Function<String, String> value) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof Name name ? value.apply(name.value()) : (String) part);
        }
        return out.toString();
    }

    /** The text with the given values. */
    public String render(Map<String, String> values) {
        return render(name -> values.getOrDefault(name, "{" + name + "}"));
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }

    private record Name(String value) {
    }
}
