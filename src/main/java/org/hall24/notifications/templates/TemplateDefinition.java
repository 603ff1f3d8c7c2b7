package org.hall24.notifications.templates;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hall24.notifications.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A template as its file declares it (or an admin's override of its texts).
 *
 * @param key the event it tells of
 * @param description what it is for, in Chinese, for the admin page
 * @param validFor how long sending it is useful
 * @param placeholders its placeholders, in declared order
 * @param sms its SMS text per language (without the signature), empty if it has none
 * @param emailSubject its e-mail subject per language, empty if it has no e-mail
 * @param emailBody its e-mail body per language
 */
public record TemplateDefinition(String key, String description, Duration validFor, List<Placeholder> placeholders,
        Map<Locale, TemplateText> sms, Map<Locale, TemplateText> emailSubject, Map<Locale, TemplateText> emailBody) {

    /** The languages every template has, first the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    public TemplateDefinition {
        placeholders = List.copyOf(placeholders);
        sms = Map.copyOf(sms);
        emailSubject = Map.copyOf(emailSubject);
        emailBody = Map.copyOf(emailBody);
    }

    /**
     * A placeholder.
     *
     * @param sample a value for previews
     * @param secret a one-time code or a link that grants access: masked in every view
     */
    public record Placeholder(String name, String sample, boolean secret) {
    }

    public boolean has(Channel channel) {
        return channel == Channel.SMS ? !sms.isEmpty() : !emailBody.isEmpty();
    }

    public Optional<Placeholder> placeholder(String name) {
        return placeholders.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean secret() {
        return placeholders.stream().anyMatch(Placeholder::secret);
    }

    /** The language a locale is served in: zh-CN unless it is English. */
    public static Locale language(@Nullable Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
