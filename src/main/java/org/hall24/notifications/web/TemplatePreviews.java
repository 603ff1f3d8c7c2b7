package org.hall24.notifications.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hall24.notifications.Channel;
import org.hall24.notifications.templates.FileMessageTemplates;
import org.hall24.notifications.templates.MessageTemplates;
import org.hall24.notifications.templates.SmsSegments;
import org.hall24.notifications.templates.TemplateDefinition;
import org.hall24.notifications.templates.TemplateState;
import org.hall24.notifications.templates.TemplateVersion;
import org.hall24.notifications.templates.TextProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A template as the admin page and API show it: what it is for, its placeholders, the override in
 * force, and per language the SMS as the phone gets it (signature included, sample values in the
 * placeholders) with its length in characters and in SMS, and the e-mail's subject and body.
 */
@Component
class TemplatePreviews {

    private final FileMessageTemplates file;

    TemplatePreviews(FileMessageTemplates file) {
        this.file = file;
    }

    /**
     * A template's view.
     *
     * @param channels {@code SMS}, {@code EMAIL}: the channels it has
     * @param version the newest version (0: the file's texts, never edited)
     * @param overridden whether an admin's texts are in force
     * @param newest the newest version, null if none
     * @param refused why the newest version, an override, is not used (English), empty if it is used or there is none
     * @param problems the same, for the page's messages
     */
    record TemplateView(String key, String description, List<Channel> channels, List<TemplateDefinition.Placeholder> placeholders,
            int version, boolean overridden, @Nullable TemplateVersion newest, List<String> refused,
            @JsonIgnore List<TextProblem> problems, List<LanguageView> languages) {
    }

    /**
     * One language's preview.
     *
     * @param language {@code zh-CN}, {@code en}
     * @param sms the SMS as sent, with the signature and the sample values; null if the template has no SMS
     * @param characters the SMS's length in UTF-16 units, as SMSCs count it (a character outside the BMP counts two)
     * @param segments how many SMS it goes as (UCS-2: 70, or parts of 67)
     * @param subject the e-mail's subject with the sample values, null if the template has no e-mail
     * @param body the e-mail's body with the sample values
     */
    record LanguageView(String language, @Nullable String sms, int characters, int segments, @Nullable String subject,
            @Nullable String body) {

        /** The page's segment column: {@code 1 条}, or {@code 3 条（每条67字）}. */
        @JsonIgnore
        public String segmentsKey() {
            return segments <= 1 ? "notifications.templates.segments.single" : "notifications.templates.segments.parts";
        }

        /** The characters in each part of a long SMS. */
        @JsonIgnore
        public int partLength() {
            return SmsSegments.PART;
        }
    }

    TemplateView view(TemplateState state) {
        TemplateDefinition current = state.current();
        List<Channel> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (current.has(channel)) {
                channels.add(channel);
            }
        }
        List<LanguageView> languages = new ArrayList<>();
        for (Locale language : TemplateDefinition.LANGUAGES) {
            languages.add(language(current, language));
        }
        return new TemplateView(state.key(), current.description(), channels, current.placeholders(), state.version(),
                state.overridden(), state.newest(), state.refused().stream().map(TextProblem::detail).toList(), state.refused(),
                languages);
    }

    LanguageView language(TemplateDefinition definition, Locale language) {
        String sms = null;
        String subject = null;
        String body = null;
        if (definition.has(Channel.SMS)) {
            sms = file.preview(definition, Channel.SMS, language);
        }
        if (definition.has(Channel.EMAIL)) {
            MessageTemplates.Rendered mail = file.render(definition, Channel.EMAIL, language, samples(definition));
            subject = mail.subject();
            body = mail.text();
        }
        return new LanguageView(language.toLanguageTag(), sms, sms == null ? 0 : sms.length(), sms == null ? 0 : SmsSegments.count(sms),
                subject, body);
    }

    private static Map<String, String> samples(TemplateDefinition definition) {
        Map<String, String> samples = new LinkedHashMap<>();
        definition.placeholders().forEach(p -> samples.put(p.name(), p.sample()));
        return samples;
    }
}
