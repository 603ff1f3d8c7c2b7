package org.hall24.notifications.templates;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.hall24.notifications.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The message templates: one per event, in zh-CN and English, for SMS and/or e-mail, loaded from
 * {@code hall24.notifications.templates.location} (checked at start-up: a template naming an
 * unknown placeholder stops it) and overridable by an admin, each override a new version.
 */
public interface MessageTemplates {

    /**
     * Renders a template; an SMS text starts with the signature ({@code hall24.sms.signature}).
     *
     * @param values exactly the template's placeholders
     * @throws IllegalArgumentException if the template is unknown, lacks the channel, or the values do not match
     */
    Rendered render(String template, Channel channel, Locale locale, Map<String, String> values);

    /**
     * A rendered message.
     *
     * @param subject the e-mail's subject, null for SMS
     * @param text what is sent
     * @param shownSubject the subject with secret placeholders masked
     * @param shownText the text with secret placeholders ({@code secret: true}: one-time codes, links that grant access) masked
     * @param secret whether it holds a secret (then its sent text is redacted once the message is final)
     * @param validFor how long sending it is useful (a code's validity); past that, an unsent message EXPIRES
     */
    record Rendered(@Nullable String subject, String text, @Nullable String shownSubject, String shownText, boolean secret,
            Duration validFor) {
    }
}
