package org.hall24.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.shared.MobileNumber;
import org.hall24.testing.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outbox: messages rendered from their templates with the signature, queued, dispatched,
 * their delivery states and attempts recorded, never shown with a one-time code.
 */
@Hall24IntegrationTest
class NotificationsTest {

    @Autowired
    Notifications notifications;

    @Autowired
    VerificationCodes codes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static MobileNumber freshPhone() {
        return MobileNumber.of("138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private OutboxMessage message(UUID id) {
        return notifications.find(id).orElseThrow();
    }

    private OutboxMessage awaitState(UUID id, DeliveryState state) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> message(id), m -> m.state() == state);
    }

    @Test
    void anSmsIsRenderedInTheRecipientsLanguageWithTheSignatureAndReachesThePhoneOnce() {
        MobileNumber phone = freshPhone();
        UUID id = notifications.sendSms(phone, "filing-received", Map.of("item", "变更医师执业注册", "number", "JLP-1", "days", "5"),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(Phones.awaitLastText(phone)).isEqualTo("【九龙坡政务】您申请的“变更医师执业注册”已受理，申办编号JLP-1，承诺5个工作日内办结。凭编号可查询进度。");
        OutboxMessage sent = awaitState(id, DeliveryState.SUBMITTED);
        assertThat(sent.recipient()).isEqualTo(phone.masked()).doesNotContain(phone.value().substring(3, 7));
        assertThat(sent.provider()).isEqualTo("test-phones");
        assertThat(sent.providerId()).isNotBlank();
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(Phones.submitsTo(phone.value())).isEqualTo(1);

        UUID english = notifications.sendSms(phone, "filing-received", Map.of("item", "Physician registration", "number", "JLP-2", "days", "5"),
                Locale.ENGLISH);
        assertThat(message(english).text()).startsWith("【九龙坡政务】Your application \"Physician registration\" was received as JLP-2");
    }

    @Test
    void valuesThatDoNotMatchTheTemplateQueueNothing() {
        MobileNumber phone = freshPhone();
        assertThatThrownBy(() -> notifications.sendSms(phone, "filing-received", Map.of("item", "x", "number", "y"), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days");
        assertThatThrownBy(() -> notifications.sendSms(phone, "no-such-event", Map.of(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-event");
        assertThatThrownBy(() -> notifications.sendSms(phone, "staff-digest", Map.of("name", "a", "count", "1", "items", "b"),
                Locale.SIMPLIFIED_CHINESE)).as("an e-mail-only template").isInstanceOf(IllegalArgumentException.class);
        assertThat(notifications.find(new OutboxQuery(null, null, phone.value(), null, 0, 10))).isEmpty();
    }

    @Test
    void theOutboxPageDetailAndApiNeverShowAOneTimeCodeAndTheStoredTextIsNotReadable() throws Exception {
        MobileNumber phone = freshPhone();
        codes.issue("kiosk-phone:outbox-test", phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of());
        String code = Phones.awaitCode(phone);
        OutboxMessage m = notifications.find(new OutboxQuery(null, null, phone.value(), null, 0, 10)).get(0);
        awaitState(m.id(), DeliveryState.SUBMITTED);

        String page = mvc.perform(get("/admin/notifications").param("template", "verification-code").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String detail = mvc.perform(get("/admin/notifications/" + m.id()).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String api = mvc.perform(get("/api/v1/admin/notifications").param("recipient", phone.value())
                .with(httpBasic("admin", "test-admin-password"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String apiOne = mvc.perform(get("/api/v1/admin/notifications/" + m.id()).with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String view : List.of(page, detail, api, apiOne)) {
            assertThat(view).contains("您的验证码是******").doesNotContain(code).doesNotContain(phone.value())
                    .contains(phone.masked());
        }
        assertThat(jdbc.sql("select count(*) from notification_message where body like ? or recipient like ? or shown_body like ?")
                .params("%" + code + "%", "%" + phone.value() + "%", "%" + code + "%").query(Integer.class).single())
                .as("neither the code nor the number is stored readable").isZero();
    }

    @Test
    void aTemporaryRefusalIsRetriedWithGrowingDelaysUntilItPasses() {
        MobileNumber phone = freshPhone();
        Phones.failNext(phone.value(), 2);
        UUID id = notifications.sendSms(phone, "filing-received", Map.of("item", "a", "number", "JLP-R", "days", "1"), Locale.SIMPLIFIED_CHINESE);

        OutboxMessage sent = awaitState(id, DeliveryState.SUBMITTED);

        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(Phones.submitsTo(phone.value())).isEqualTo(3);
        assertThat(Phones.texts(phone.value())).hasSize(1);
        List<OutboxMessage.Attempt> attempts = notifications.attempts(id);
        assertThat(attempts).extracting(OutboxMessage.Attempt::outcome)
                .containsExactly(DeliveryState.TEMPORARY_FAILURE, DeliveryState.TEMPORARY_FAILURE, DeliveryState.SUBMITTED);
        assertThat(attempts.get(0).answer()).contains("ESME_RTHROTTLED");
        Duration first = Duration.between(attempts.get(0).endedAt(), attempts.get(1).startedAt());
        Duration second = Duration.between(attempts.get(1).endedAt(), attempts.get(2).startedAt());
        assertThat(second).as("the wait doubles (1 s, then 2 s, each ±20 %%, polled every 200 ms)").isGreaterThan(first);
    }

    @Test
    void aPermanentRefusalIsNotRetriedAndAnAdminCanSendItAgain() throws Exception {
        MobileNumber phone = freshPhone();
        Phones.refuse(phone.value());
        UUID id = notifications.sendSms(phone, "filing-received", Map.of("item", "a", "number", "JLP-P", "days", "1"), Locale.SIMPLIFIED_CHINESE);

        OutboxMessage failed = awaitState(id, DeliveryState.PERMANENT_FAILURE);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.providerAnswer()).contains("ESME_RINVDSTADR");
        assertThat(failed.resendable()).isTrue();

        mvc.perform(post("/admin/notifications/" + id + "/retry").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> message(id).attempts() == 2
                && message(id).state() == DeliveryState.PERMANENT_FAILURE);
        assertThat(notifications.attempts(id)).extracting(OutboxMessage.Attempt::outcome)
                .containsExactly(DeliveryState.PERMANENT_FAILURE, DeliveryState.PERMANENT_FAILURE);
        assertThat(Phones.submitsTo(phone.value())).isEqualTo(2);
    }

    @Test
    void aFailedCodeCannotBeResentItsTextIsGone() throws Exception {
        MobileNumber phone = freshPhone();
        Phones.refuse(phone.value());
        codes.issue("kiosk-phone:refused", phone, "verification-code", Locale.SIMPLIFIED_CHINESE, Map.of());
        OutboxMessage m = notifications.find(new OutboxQuery(null, null, phone.value(), null, 0, 10)).get(0);

        OutboxMessage failed = awaitState(m.id(), DeliveryState.PERMANENT_FAILURE);

        assertThat(failed.resendable()).isFalse();
        assertThat(jdbc.sql("select body is null from notification_message where id = ?").param(m.id()).query(Boolean.class).single())
                .as("the text with the code is redacted once final").isTrue();
        assertThat(notifications.retry(m.id(), "admin")).isFalse();
        mvc.perform(post("/api/v1/admin/notifications/" + m.id() + "/retry").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isConflict());
    }

    @Test
    void theOutboxFiltersByRecipientStateAndChannelAndRefusesAPartialNumber() throws Exception {
        MobileNumber one = freshPhone();
        MobileNumber other = freshPhone();
        notifications.sendSms(one, "filing-received", Map.of("item", "a", "number", "JLP-F1", "days", "1"), Locale.SIMPLIFIED_CHINESE);
        notifications.sendSms(other, "filing-received", Map.of("item", "a", "number", "JLP-F2", "days", "1"), Locale.SIMPLIFIED_CHINESE);

        assertThat(notifications.find(new OutboxQuery(null, Channel.SMS, one.value(), null, 0, 10))).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("JLP-F1"));
        assertThat(notifications.find(new OutboxQuery(null, Channel.EMAIL, one.value(), null, 0, 10))).isEmpty();
        assertThat(notifications.find(new OutboxQuery(DeliveryState.DELIVERED, null, one.value(), null, 0, 10))).isEmpty();

        String page = mvc.perform(get("/admin/notifications").param("recipient", one.value().substring(0, 7)).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"error-recipient\"").contains("请输入完整的手机号").doesNotContain("JLP-F1");
        mvc.perform(get("/api/v1/admin/notifications").param("recipient", "138").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/notifications")).andExpect(status().is3xxRedirection());
    }
}
