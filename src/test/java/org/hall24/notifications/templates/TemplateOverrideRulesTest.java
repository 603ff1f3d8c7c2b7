package org.hall24.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hall24.notifications.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an admin may write over a template: the file's rules, its placeholders, its secrets kept, no signature. */
class TemplateOverrideRulesTest {

    static final String SIGNATURE = "【九龙坡政务】";
    static final TemplateDefinition CODE = FileMessageTemplatesTest.SHIPPED.find("verification-code").orElseThrow();
    static final TemplateDefinition DIGEST = FileMessageTemplatesTest.SHIPPED.find("staff-digest").orElseThrow();
    static final TemplateField ZH = new TemplateField(TemplateField.Part.SMS, Locale.SIMPLIFIED_CHINESE);
    static final TemplateField EN = new TemplateField(TemplateField.Part.SMS, Locale.ENGLISH);

    private static Map<TemplateField, String> sms(String zh, String en) {
        Map<TemplateField, String> texts = new LinkedHashMap<>();
        texts.put(ZH, zh);
        texts.put(EN, en);
        return texts;
    }

    @Test
    void textsThatKeepToThePlaceholdersPassAndRenderWithTheSignature() {
        Map<TemplateField, String> texts = sms("验证码{code}，{minutes}分钟内有效。", "Code {code}.");
        assertThat(TemplateOverrideRules.check(CODE, SIGNATURE, texts)).isEmpty();

        TemplateDefinition applied = TemplateOverrideRules.apply(CODE, texts);
        MessageTemplates.Rendered rendered = FileMessageTemplatesTest.SHIPPED.render(applied, Channel.SMS, Locale.SIMPLIFIED_CHINESE,
                Map.of("code", "123456", "minutes", "5"));
        assertThat(rendered.text()).isEqualTo("【九龙坡政务】验证码123456，5分钟内有效。");
        assertThat(rendered.shownText()).isEqualTo("【九龙坡政务】验证码******，5分钟内有效。");
        assertThat(applied.placeholders()).isEqualTo(CODE.placeholders());
        assertThat(applied.validFor()).isEqualTo(CODE.validFor());
    }

    @ParameterizedTest(name = "{2}: \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "验证码{code}，{hours}小时内有效 | hours",
            "验证码{code | brace",
            "验证码code} | brace",
            "'  ' | empty",
            "【九龙坡政务】验证码{code} | signature",
            "{minutes}分钟内有效 | secret-missing"})
    void aTextBreakingARuleIsNamedWithItsField(String zh, String code) {
        List<TextProblem> problems = TemplateOverrideRules.check(CODE, SIGNATURE, sms(zh, "Code {code}."));
        String expected = code.equals("hours") ? "unknown" : code;
        assertThat(problems).extracting(TextProblem::field, TextProblem::code).containsExactly(org.assertj.core.groups.Tuple.tuple(ZH, expected));
        if (code.equals("hours")) {
            assertThat(problems.get(0).arguments()).containsExactly("{hours}", "{code} {minutes}");
        }
    }

    @Test
    void aMissingLanguageAndAnOverlongTextAreRefused() {
        Map<TemplateField, String> texts = new LinkedHashMap<>();
        texts.put(ZH, "验证码{code}" + "长".repeat(TemplateOverrideRules.MAX_SMS));
        assertThat(TemplateOverrideRules.check(CODE, SIGNATURE, texts)).extracting(TextProblem::field, TextProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ZH, "too-long"), org.assertj.core.groups.Tuple.tuple(EN, "missing"));
    }

    @Test
    void anEmailTemplateNeedsSubjectAndBodyInBothLanguagesAndNoSms() {
        assertThat(TemplateField.of(DIGEST)).extracting(TemplateField::name)
                .containsExactly("email.subject.zh-CN", "email.subject.en", "email.body.zh-CN", "email.body.en");
        Map<TemplateField, String> texts = new LinkedHashMap<>();
        TemplateField.of(DIGEST).forEach(f -> texts.put(f, "{name}: {count}\r\n{items}\r\n"));
        assertThat(TemplateOverrideRules.check(DIGEST, SIGNATURE, texts)).isEmpty();
        assertThat(TemplateOverrideRules.apply(DIGEST, texts).emailBody().get(Locale.ENGLISH).source()).isEqualTo("{name}: {count}\n{items}");
    }

    @Test
    void aStoredOverrideIsRefusedWhenTheFilesPlaceholdersChangedOrItHasATextTheFileDropped() {
        TemplateVersion old = new TemplateVersion("verification-code", 3, TemplateVersion.Source.ADMIN,
                Map.of("sms.zh-CN", "验证码{code}", "sms.en", "Code {code}"), List.of("code"), "old-admin", Instant.EPOCH);
        assertThat(TemplateOverrideRules.checkStored(CODE, SIGNATURE, old)).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("placeholders-changed"))
                .satisfies(p -> assertThat(p.detail()).contains("{code}, the file now declares {code} {minutes}"));

        TemplateVersion withEmail = new TemplateVersion("verification-code", 4, TemplateVersion.Source.ADMIN,
                Map.of("sms.zh-CN", "验证码{code}", "sms.en", "Code {code}", "email.subject.en", "Code"), List.of("minutes", "code"),
                "old-admin", Instant.EPOCH);
        assertThat(TemplateOverrideRules.checkStored(CODE, SIGNATURE, withEmail)).extracting(TextProblem::code).containsExactly("not-in-file");

        TemplateVersion fits = new TemplateVersion("verification-code", 5, TemplateVersion.Source.ADMIN,
                Map.of("sms.zh-CN", "验证码{code}", "sms.en", "Code {code}"), List.of("minutes", "code"), "admin", Instant.EPOCH);
        assertThat(TemplateOverrideRules.checkStored(CODE, SIGNATURE, fits)).isEmpty();
    }
}
