package org.hall24.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hall24.Hall24IntegrationTest;
import org.hall24.notifications.internal.staff.StaffContacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The contacts page and API: what admins see (masked), what they may enter, and that a refused contact saves nothing. */
@Hall24IntegrationTest
class AdminContactsTest {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffContacts contacts;

    @Autowired
    JdbcClient jdbc;

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String hall() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36).toUpperCase(Locale.ROOT);
    }

    @Test
    void theDemoContactsAreListedMasked() throws Exception {
        String page = mvc.perform(get("/admin/contacts").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("工作人员联系人").contains("王收件（演示）").contains("周值班（演示）")
                .contains("139****0001").doesNotContain("13900000001")
                .contains("g***@hall24.example").doesNotContain("gjj.collector@")
                .contains("00:00–24:00").contains("08:30–18:00");
    }

    @Test
    void aBadPhoneIsShownBesideItsFieldAndNothingIsSaved() throws Exception {
        int before = contacts.count();

        String page = mvc.perform(post("/admin/contacts").with(ADMIN).with(csrf())
                        .param("displayName", "王收件").param("role", "COLLECTOR").param("department", "GJJ").param("hall", "JLP-YJP")
                        .param("phone", "1990000123").param("email", "wang@example.cn").param("smsFrom", "08:30").param("smsUntil", "18:00")
                        .param("enabled", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"error-phone\"").contains("手机号须为 11 位数字，以 13 至 19 开头")
                .doesNotContain("id=\"error-email\"").doesNotContain("id=\"error-smsFrom\"")
                .contains("value=\"wang@example.cn\"");
        assertThat(contacts.count()).isEqualTo(before);
    }

    @Test
    void badHoursAndAMissingDepartmentAreEachNamedInEnglishToo() throws Exception {
        String page = mvc.perform(post("/admin/contacts").with(ADMIN).with(csrf())
                        .cookie(new jakarta.servlet.http.Cookie("hall24-lang", "en"))
                        .param("displayName", "Wang").param("role", "REVIEWER").param("department", "").param("hall", "JLP-YJP")
                        .param("phone", phone()).param("smsFrom", "8.30").param("smsUntil", "25:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"error-department\"").contains("id=\"error-smsFrom\"").contains("id=\"error-smsUntil\"")
                .doesNotContain("id=\"error-phone\"")
                .contains("Collectors and reviewers need a department&#39;s code.")
                .contains("Enter the start as hours:minutes, 00:00 to 23:59.")
                .contains("Enter the end as hours:minutes, 00:00 to 24:00.");
    }

    @Test
    void anAdminAddsEditsAndDisablesAContact() throws Exception {
        String hall = hall();
        String phone = phone();
        String location = mvc.perform(post("/admin/contacts").with(ADMIN).with(csrf())
                        .param("displayName", "周值班").param("role", "DUTY_OPERATOR").param("hall", hall).param("phone", phone)
                        .param("smsFrom", "00:00").param("smsUntil", "24:00").param("enabled", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(contacts.find(id)).hasValueSatisfying(c -> {
            assertThat(c.phone().value()).isEqualTo(phone);
            assertThat(c.hours().allDay()).isTrue();
            assertThat(c.updatedBy()).isEqualTo("admin");
        });
        assertThat(jdbc.sql("select phone from notification_contact where id = ?").param(id).query(String.class).single())
                .as("stored encrypted").startsWith("v1:").doesNotContain(phone);

        mvc.perform(post("/admin/contacts/" + id).with(ADMIN).with(csrf())
                        .param("displayName", "周值班").param("role", "DUTY_OPERATOR").param("hall", hall).param("phone", phone)
                        .param("email", "duty@example.cn").param("smsFrom", "18:00").param("smsUntil", "08:00").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(contacts.find(id)).hasValueSatisfying(c -> {
            assertThat(c.email().value()).isEqualTo("duty@example.cn");
            assertThat(c.hours().toString()).isEqualTo("18:00–08:00");
        });
        String edit = mvc.perform(get("/admin/contacts/" + id).with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("value=\"18:00\"").contains("value=\"08:00\"");

        mvc.perform(post("/admin/contacts/" + id + "/disable").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(contacts.find(id)).hasValueSatisfying(c -> assertThat(c.enabled()).isFalse());
        mvc.perform(post("/admin/contacts/" + UUID.randomUUID() + "/disable").with(ADMIN).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void theApiRefusesABadPhoneAsProblemJsonAndSavesNothing() throws Exception {
        int before = contacts.count();

        mvc.perform(post("/api/v1/admin/contacts").with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"displayName": "王收件", "role": "COLLECTOR", "department": "GJJ", "hall": "JLP-YJP",
                                 "phone": "12345", "email": "not-an-address", "smsFrom": "08:30", "smsUntil": "18:00"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].parameter").value("phone"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("11 digits")))
                .andExpect(jsonPath("$.errors[1].parameter").value("email"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(post("/api/v1/admin/contacts").with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("body"));

        assertThat(contacts.count()).isEqualTo(before);
    }

    @Test
    void theApiAddsListsMaskedAndReplacesAContact() throws Exception {
        String hall = hall();
        String phone = phone();
        String location = mvc.perform(post("/api/v1/admin/contacts").with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"displayName": "李审核", "role": "REVIEWER", "department": "sw", "hall": "%s",
                                 "phone": "%s", "email": "li.shenhe@example.cn", "smsFrom": "09:00", "smsUntil": "17:30"}"""
                                .formatted(hall, phone)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.department").value("SW"))
                .andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andExpect(jsonPath("$.email").value("l***@example.cn"))
                .andReturn().getResponse().getHeader("Location");

        String list = mvc.perform(get("/api/v1/admin/contacts").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(hall).doesNotContain(phone).doesNotContain("li.shenhe@");

        mvc.perform(put(location).with(httpBasic("admin", "test-admin-password")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName": "李审核", "role": "REVIEWER", "department": "SW", "hall": "%s",
                         "phone": "%s", "smsFrom": "22:00", "smsUntil": "06:00", "enabled": false}""".formatted(hall, phone)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.smsFrom").value("22:00"))
                .andExpect(jsonPath("$.smsUntil").value("06:00"))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(put("/api/v1/admin/contacts/" + UUID.randomUUID()).with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"displayName": "李审核", "role": "REVIEWER", "department": "SW", "hall": "%s",
                                 "phone": "%s", "smsFrom": "09:00", "smsUntil": "17:30"}""".formatted(hall, phone)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admin/contacts")).andExpect(status().isUnauthorized());
    }
}
