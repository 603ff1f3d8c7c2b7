package org.hall24.notifications.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One text of a template in one language, the unit an admin edits: the SMS text, the e-mail's
 * subject or its body.
 *
 * @param part which text
 * @param language one of {@link TemplateDefinition#LANGUAGES}
 */
public record TemplateField(Part part, Locale language) {

    /** The texts a template can have. */
    public enum Part {
        SMS("sms"), SUBJECT("email.subject"), BODY("email.body");

        private final String key;

        Part(String key) {
            this.key = key;
        }

        /** As in {@code templates.yaml}: {@code sms}, {@code email.subject}, {@code email.body}. */
        public String key() {
            return key;
        }

        Map<Locale, TemplateText> of(TemplateDefinition definition) {
            return switch (this) {
                case SMS -> definition.sms();
                case SUBJECT -> definition.emailSubject();
                case BODY -> definition.emailBody();
            };
        }
    }

    /** Its name in stored versions and forms: {@code sms.zh-CN}, {@code email.body.en}. */
    public String name() {
        return part.key + "." + language.toLanguageTag();
    }

    /** Its name as an HTML id: {@code sms-zh-CN}, {@code email-body-en}. */
    public String id() {
        return name().replace('.', '-');
    }

    /** The fields a template has: its parts (SMS and/or e-mail) in each language, SMS first, zh-CN first. */
    public static List<TemplateField> of(TemplateDefinition definition) {
        List<TemplateField> fields = new ArrayList<>();
        for (Part part : Part.values()) {
            if (!part.of(definition).isEmpty()) {
                for (Locale language : TemplateDefinition.LANGUAGES) {
                    fields.add(new TemplateField(part, language));
                }
            }
        }
        return fields;
    }

    /** The field a name names, if it is one. */
    public static Optional<TemplateField> named(String name) {
        for (Part part : Part.values()) {
            for (Locale language : TemplateDefinition.LANGUAGES) {
                TemplateField field = new TemplateField(part, language);
                if (field.name().equals(name)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /** This field's text in a definition, null if it has none. */
    public @Nullable TemplateText in(TemplateDefinition definition) {
        return part.of(definition).get(language);
    }
}
