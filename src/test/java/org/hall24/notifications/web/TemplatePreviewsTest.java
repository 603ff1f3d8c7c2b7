package org.hall24.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hall24.notifications.templates.FileMessageTemplates;
import org.hall24.notifications.templates.TemplateDefinition;
import org.hall24.notifications.templates.TemplateText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page's length and segment columns count the SMS as sent: signature and sample values included. */
class TemplatePreviewsTest {

    static final FileMessageTemplates FILE = new FileMessageTemplates("classpath:notifications", "【九龙坡政务】");
    static final TemplatePreviews PREVIEWS = new TemplatePreviews(FILE);

    @ParameterizedTest(name = "{0} characters of text + 7 of signature + 3 of sample → {1} characters, {2} SMS")
    @CsvSource({"1, 11, 1, single", "60, 70, 1, single", "61, 71, 2, parts", "124, 134, 2, parts", "125, 135, 3, parts",
            "140, 150, 3, parts", "191, 201, 3, parts", "192, 202, 4, parts"})
    void countsTheSmsAsSent(int literal, int characters, int segments, String key) {
        TemplateText text = TemplateText.parse("{n}" + "办".repeat(literal));
        TemplateDefinition definition = new TemplateDefinition("t", "t", Duration.ofHours(1),
                List.of(new TemplateDefinition.Placeholder("n", "ABC", false)),
                Map.of(Locale.SIMPLIFIED_CHINESE, text, Locale.ENGLISH, text), Map.of(), Map.of());

        TemplatePreviews.LanguageView view = PREVIEWS.language(definition, Locale.SIMPLIFIED_CHINESE);

        assertThat(view.sms()).startsWith("【九龙坡政务】ABC办");
        assertThat(view.characters()).isEqualTo(characters);
        assertThat(view.segments()).isEqualTo(segments);
        assertThat(view.segmentsKey()).isEqualTo("notifications.templates.segments." + key);
        assertThat(view.subject()).isNull();
    }
}
