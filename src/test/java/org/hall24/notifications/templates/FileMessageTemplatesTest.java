package org.hall24.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.hall24.notifications.Channel;
import org.junit.jupiter.api.Test;

/** The template file is checked when read; rendering adds the signature and masks secrets in the shown copy. */
class FileMessageTemplatesTest {

    static final FileMessageTemplates SHIPPED = new FileMessageTemplates("classpath:notifications", "【九龙坡政务】");

    @Test
    void aTemplateNamingAnUndeclaredPlaceholderStopsLoadingWithFileTemplateAndLanguageNamed() {
        assertThatThrownBy(() -> new FileMessageTemplates("classpath:bad-templates/unknown-placeholder", "【九龙坡政务】"))
                .isInstanceOf(TemplateFileException.class)
                .hasMessageContaining("bad-templates/unknown-placeholder/templates.yaml")
                .hasMessageContaining("template verification-code")
                .hasMessageContaining("zh-CN")
                .hasMessageContaining("unknown placeholder {minutes}");
    }

    @Test
    void aTemplateWithoutEnglishStopsLoading() {
        assertThatThrownBy(() -> new FileMessageTemplates("classpath:bad-templates/missing-language", "【九龙坡政务】"))
                .isInstanceOf(TemplateFileException.class)
                .hasMessageContaining("template filing-received").hasMessageContaining("no en text");
    }

    @Test
    void aSignatureThatIsNotInCarrierBracketsIsRefused() {
        assertThatThrownBy(() -> new FileMessageTemplates("classpath:notifications", "九龙坡政务"))
                .isInstanceOf(TemplateFileException.class).hasMessageContaining("hall24.sms.signature");
        assertThatThrownBy(() -> new FileMessageTemplates("classpath:notifications", "【】"))
                .isInstanceOf(TemplateFileException.class);
    }

    @Test
    void everyShippedTemplateRendersInBothLanguagesFromItsSamples() {
        assertThat(SHIPPED.all()).hasSizeGreaterThanOrEqualTo(15);
        for (TemplateDefinition t : SHIPPED.all()) {
            for (Locale language : TemplateDefinition.LANGUAGES) {
                for (Channel channel : Channel.values()) {
                    if (t.has(channel)) {
                        String preview = SHIPPED.preview(t, channel, language);
                        assertThat(preview).as(t.key() + " " + language + " " + channel).doesNotContain("{").isNotBlank();
                        if (channel == Channel.SMS) {
                            assertThat(preview).startsWith("【九龙坡政务】");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theShownCopyMasksSecretsAndTheSentOneHasThem() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", "384912");
        values.put("minutes", "5");
        MessageTemplates.Rendered rendered = SHIPPED.render("verification-code", Channel.SMS, Locale.SIMPLIFIED_CHINESE, values);

        assertThat(rendered.text()).isEqualTo("【九龙坡政务】您的验证码是384912，5分钟内有效。请勿告诉他人。");
        assertThat(rendered.shownText()).isEqualTo("【九龙坡政务】您的验证码是******，5分钟内有效。请勿告诉他人。");
        assertThat(rendered.secret()).isTrue();
        assertThat(rendered.validFor()).hasMinutes(5);

        MessageTemplates.Rendered link = SHIPPED.render("rating-request", Channel.SMS, Locale.ENGLISH,
                Map.of("item", "Passport", "link", "https://hall.example.cn/r/k3J9x"));
        assertThat(link.shownText()).doesNotContain("k3J9x").endsWith("******");
    }

    @Test
    void anEmailHasItsSubjectAndBodyInTheLanguageAsked() {
        MessageTemplates.Rendered mail = SHIPPED.render("staff-digest", Channel.EMAIL, Locale.SIMPLIFIED_CHINESE,
                Map.of("name", "王收件", "count", "3", "items", "03:12 B3"));
        assertThat(mail.subject()).isEqualTo("【九龙坡政务】夜间消息汇总（3条）");
        assertThat(mail.text()).startsWith("王收件，您好：").contains("03:12 B3");
        assertThat(mail.secret()).isFalse();
    }

    @Test
    void aStrayBraceIsNotAPlaceholder() {
        assertThatThrownBy(() -> TemplateText.parse("您的验证码是{Code}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brace");
        assertThat(TemplateText.parse("编号{number}，{days}天").placeholders()).containsExactly("number", "days");
    }
}
