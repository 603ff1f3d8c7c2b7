package org.hall24.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hall24.Hall24IntegrationTest;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.templates.FileMessageTemplates;
import org.hall24.notifications.templates.TemplateDefinition;
import org.hall24.notifications.templates.TemplateOverrides;
import org.hall24.notifications.templates.TemplateState;
import org.hall24.notifications.templates.TemplateVersion;
import org.hall24.shared.MobileNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The templates page lists every template with its SMS as sent, its length in SMS and previews
 * with sample values; an admin's override is a new version that renders the next message, is
 * refused beside the field when it breaks a rule, and can be taken back to the file's texts.
 * Tests override only waybill-sent and result-ready-counter, and go back to the file afterwards
 * (the context and its database are shared with other test classes).
 */
@Hall24IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminNotificationTemplatesTest {

    static final String PAGE = "/admin/notifications/templates";
    static final String COUNTER = "result-ready-counter";
    static final String WAYBILL = "waybill-sent";

    @Autowired
    MockMvc mvc;

    @Autowired
    TemplateOverrides overrides;

    @Autowired
    FileMessageTemplates file;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToTheFile() {
        for (String key : List.of(COUNTER, WAYBILL)) {
            TemplateState state = overrides.find(key).orElseThrow();
            if (state.revertible()) {
                overrides.revert(key, state.version(), "test-cleanup");
            }
        }
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("admin").roles("ADMIN")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String section(String html, String startMarker, String end) {
        int start = html.indexOf(startMarker);
        assertThat(start).as(startMarker).isNotNegative();
        return html.substring(start, html.indexOf(end, start));
    }

    private MockHttpServletRequestBuilder save(String key, int basedOn) {
        return post(PAGE + "/" + key).with(user("admin").roles("ADMIN")).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .param("basedOn", String.valueOf(basedOn));
    }

    private int version(String key) {
        return overrides.find(key).orElseThrow().version();
    }

    private int storedVersions(String key) {
        return jdbc.sql("select count(*) from notification_template_version where template_key = ?").param(key).query(Integer.class)
                .single();
    }

    private static MobileNumber freshPhone() {
        return MobileNumber.of("139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private String sentText(String key, Map<String, String> values) {
        UUID id = notifications.sendSms(freshPhone(), key, values, Locale.SIMPLIFIED_CHINESE);
        return notifications.find(id).orElseThrow().text();
    }

    @Test
    void everyTemplateIsListedWithItsPlaceholdersSmsAsSentLengthAndEmailPreview() throws Exception {
        String html = page(PAGE);

        for (TemplateDefinition t : file.all()) {
            assertThat(html).as(t.key()).contains("id=\"template-" + t.key() + "\"").contains(t.description());
        }
        String received = section(html, "id=\"template-filing-received\"", "</tbody>");
        String preview = "【九龙坡政务】您申请的“住房公积金提取”已受理，申办编号JLP-20261204-000123，承诺5个工作日内办结。凭编号可查询进度。";
        assertThat(received).as("the SMS as sent: signature first, sample values in the placeholders").contains(preview)
                .contains(">" + preview.length() + "<").contains(">1 条<");
        String code = section(html, "id=\"template-verification-code\"", "</tbody>");
        assertThat(code).contains("【九龙坡政务】您的验证码是384912，5分钟内有效。请勿告诉他人。").contains(">1 条<")
                .containsPattern("data-secret=\"true\">\\s*<span class=\"code\">\\{code\\}</span>\\s*<span class=\"badge badge-secret\">机密</span>")
                .containsPattern("data-secret=\"false\">\\s*<span class=\"code\">\\{minutes\\}</span>\\s*</li>");
        String digest = section(html, "id=\"template-staff-digest\"", "</tbody>");
        assertThat(digest).contains("【九龙坡政务】夜间消息汇总（3条）").contains("王收件（演示），您好：").contains("Hello 王收件（演示）,");

        assertThat(page("/admin/notifications")).as("the outbox links to it")
                .contains("id=\"templates-link\" href=\"/admin/notifications/templates\"");
    }

    @Test
    void aTextOf150CharactersWithItsSignatureShowsAs3Sms() throws Exception {
        // 【九龙坡政务】 (7) + the sample number (19) + 124 = 150
        String text = "{number}" + "已寄出".repeat(41) + "。";
        mvc.perform(save(WAYBILL, version(WAYBILL)).param("sms.zh-CN", text).param("sms.en", "Filing {number} was sent, waybill {waybill}."))
                .andExpect(status().is3xxRedirection());

        String row = section(page(PAGE), "id=\"template-waybill-sent\"", "data-language=\"en\"");
        assertThat(row).contains(">150<").contains("3 条（每条67字）").contains("【九龙坡政务】JLP-20261204-000123已寄出");
    }

    @Test
    void aSavedOverrideRendersTheNextSmsAsANewVersionWithWhoAndWhenAndRevertGoesBackToTheFile() throws Exception {
        Map<String, String> values = Map.of("number", "JLP-9", "counter", "3号窗口");
        assertThat(sentText(COUNTER, values)).isEqualTo("【九龙坡政务】申办件JLP-9的结果已可领取，请携带身份证到3号窗口领取。");
        int before = version(COUNTER);

        mvc.perform(save(COUNTER, before).param("sms.zh-CN", "申办件{number}已办好，请带身份证到{counter}取。\r\n谢谢！")
                .param("sms.en", "Filing {number} is ready at {counter}.")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PAGE + "/" + COUNTER)).andExpect(flash().attribute("noticeVersion", before + 1));

        assertThat(sentText(COUNTER, values)).as("the next SMS, line end as the phone gets it")
                .isEqualTo("【九龙坡政务】申办件JLP-9已办好，请带身份证到3号窗口取。\n谢谢！");
        TemplateVersion first = overrides.versions(COUNTER).get(0);
        assertThat(first.version()).isEqualTo(before + 1);
        assertThat(first.source()).isEqualTo(TemplateVersion.Source.ADMIN);
        assertThat(first.createdBy()).isEqualTo("admin");
        assertThat(first.createdAt()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1));
        assertThat(first.placeholders()).containsExactly("counter", "number");

        mvc.perform(save(COUNTER, before + 1).param("sms.zh-CN", "申办件{number}请到{counter}领取。").param("sms.en", "{number}: {counter}."))
                .andExpect(status().is3xxRedirection());
        assertThat(sentText(COUNTER, values)).isEqualTo("【九龙坡政务】申办件JLP-9请到3号窗口领取。");

        String edit = page(PAGE + "/" + COUNTER);
        assertThat(edit).contains("id=\"version-" + (before + 1) + "\"").contains("id=\"version-" + (before + 2) + "\"")
                .contains("第 " + (before + 2) + " 版（admin，").contains("申办件{number}已办好")
                .contains("【九龙坡政务】申办件JLP-20261204-000123请到杨家坪政务服务中心3号窗口领取。");

        mvc.perform(post(PAGE + "/" + COUNTER + "/revert").with(user("admin").roles("ADMIN")).with(csrf())
                .param("basedOn", String.valueOf(before + 2))).andExpect(status().is3xxRedirection());

        assertThat(sentText(COUNTER, values)).isEqualTo("【九龙坡政务】申办件JLP-9的结果已可领取，请携带身份证到3号窗口领取。");
        TemplateVersion reverted = overrides.versions(COUNTER).get(0);
        assertThat(reverted.version()).isEqualTo(before + 3);
        assertThat(reverted.source()).isEqualTo(TemplateVersion.Source.FILE);
        assertThat(page(PAGE + "/" + COUNTER)).contains("使用文件中的文本").contains("id=\"version-" + (before + 3) + "\" data-source=\"FILE\"")
                .doesNotContain("id=\"revert\"");
    }

    @ParameterizedTest(name = "{3}: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "申办件{number}请到{counter}领取 | Filing {number}: {unknown} | sms-en | unknown | 没有占位符 {unknown}；可用的占位符：{counter} {number}。",
            "申办件{number请到{counter}领取 | Filing {number} at {counter} | sms-zh-CN | brace | 有不成对的花括号",
            "'   ' | Filing {number} at {counter} | sms-zh-CN | empty | 文本不能为空。",
            "申办件{number}请到{counter}领取 | | sms-en | missing | 请填写此语言的文本",
            "【九龙坡政务】申办件{number} | Filing {number} at {counter} | sms-zh-CN | signature | 不要写入短信签名 【九龙坡政务】"})
    void aTextThatBreaksARuleIsRefusedBesideItsFieldAndNothingIsSaved(String zh, String en, String field, String problem, String message)
            throws Exception {
        int stored = storedVersions(COUNTER);
        int before = version(COUNTER);
        MockHttpServletRequestBuilder request = save(COUNTER, before).param("sms.zh-CN", zh);
        if (en != null) {
            request.param("sms.en", en);
        }

        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String error = section(html, "id=\"error-" + field + "\"", "</p>");
        assertThat(error).contains("data-problem=\"" + problem + "\"").contains(message);
        assertThat(html).contains("id=\"error-summary\"").containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"");
        assertThat(html).as("the text stays in the form").contains(">" + zh.strip().replace("'", ""));
        assertThat(storedVersions(COUNTER)).isEqualTo(stored);
        assertThat(version(COUNTER)).isEqualTo(before);
    }

    @Test
    void aSaveOverAVersionSomeoneElseReplacedIsRefused() throws Exception {
        int before = version(COUNTER);
        mvc.perform(save(COUNTER, before).param("sms.zh-CN", "第一位：{number}{counter}").param("sms.en", "First: {number} {counter}"))
                .andExpect(status().is3xxRedirection());

        String html = mvc.perform(save(COUNTER, before).param("sms.zh-CN", "第二位：{number}{counter}").param("sms.en", "Second {number}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"stale\"").contains("此模板已被他人修改（第 " + (before + 1) + " 版，admin，");
        assertThat(version(COUNTER)).isEqualTo(before + 1);
        assertThat(overrides.versions(COUNTER).get(0).texts()).containsEntry("sms.zh-CN", "第一位：{number}{counter}");
    }

    @Test
    void anOverrideWrittenForOtherPlaceholdersIsNotUsedTheLogSaysSoAndThePageToo(CapturedOutput output) throws Exception {
        int next = version(WAYBILL) + 1;
        jdbc.sql("update notification_template_state set revision = revision + 1 where id = 1").update();
        jdbc.sql("""
                insert into notification_template_version (template_key, version, source, texts, placeholders, created_by, created_at)
                values (?, ?, 'ADMIN', cast(? as jsonb), 'courier,number,sender', 'old-admin', now())""")
                .params(WAYBILL, next, "{\"sms.zh-CN\": \"{sender}寄出{number}\", \"sms.en\": \"{sender} sent {number}\"}").update();

        assertThat(sentText(WAYBILL, Map.of("number", "JLP-7", "courier", "EMS", "waybill", "11801")))
                .isEqualTo("【九龙坡政务】申办件JLP-7的结果已由EMS寄出，运单号11801。");
        assertThat(output.getOut()).contains("Message template waybill-sent: the override version " + next + " (by old-admin) is NOT used")
                .contains("{courier} {number} {sender}, the file now declares {courier} {number} {waybill}");
        TemplateState state = overrides.find(WAYBILL).orElseThrow();
        assertThat(state.overridden()).isFalse();
        assertThat(state.refused()).extracting(p -> p.code()).containsExactly("placeholders-changed");
        assertThat(page(PAGE + "/" + WAYBILL)).contains("第 " + next + " 版（old-admin）未采用，现使用文件中的文本")
                .contains("此版本按占位符 {courier} {number} {sender} 编写").contains("id=\"revert\"");
    }

    @Test
    void theApiListsEveryTemplateWithSegmentsAndPreviewsAndAnswersProblemJsonForAnUnknownOne() throws Exception {
        String json = mvc.perform(get("/api/v1/admin/notifications/templates").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        for (TemplateDefinition t : file.all()) {
            assertThat(json).contains("\"key\":\"" + t.key() + "\"");
        }
        assertThat(json).contains("\"sms\":\"【九龙坡政务】您的验证码是384912，5分钟内有效。请勿告诉他人。\",\"characters\":34,\"segments\":1")
                .contains("{\"name\":\"code\",\"sample\":\"384912\",\"secret\":true}");

        mvc.perform(get("/api/v1/admin/notifications/templates/no-such-event").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/admin/notifications/templates")).andExpect(status().isUnauthorized());
    }
}
