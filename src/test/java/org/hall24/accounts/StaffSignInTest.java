package org.hall24.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hall24.Hall24IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import jakarta.servlet.http.Cookie;

@Hall24IntegrationTest
@AutoConfigureMockMvc
class StaffSignInTest {

    private static final String CONFIGURED_PASSWORD = "test-admin-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anonymousVisitorOfTheAdminCatalogIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/admin/catalog"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void signInPageIsPublicAndSpeaksChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作人员登录")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("id=\"lang-en\"")));
        mvc.perform(get("/login").cookie(new Cookie("hall24-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Staff sign-in")));
    }

    @Test
    void bootstrapAdminSignsInWithTheConfiguredPasswordAndLandsOnTheCatalog() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password(CONFIGURED_PASSWORD))
                .andExpect(authenticated().withUsername("admin").withRoles(StaffRole.ADMIN.name()))
                .andExpect(redirectedUrl("/admin/catalog"));
    }

    @Test
    void signedInAdminOpensTheAdminCatalog() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user("admin").password(CONFIGURED_PASSWORD)).andReturn();
        var session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/admin/catalog").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前用户：admin")));
    }

    @Test
    void wrongPasswordIsRefusedWithTheErrorShownOnTheSignInPage() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("not-the-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("账号或密码不正确")));
    }

    @Test
    void unknownUserIsRefused() throws Exception {
        mvc.perform(formLogin("/login").user("nobody").password(CONFIGURED_PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void passwordIsStoredOnlyAsBcryptHash() {
        var row = jdbc.sql("select password_hash, roles, must_change_password from accounts_staff where username = 'admin'")
                .query().singleRow();
        String hash = (String) row.get("password_hash");
        assertThat(hash).startsWith("$2").doesNotContain(CONFIGURED_PASSWORD);
        assertThat(passwords.matches(CONFIGURED_PASSWORD, hash)).isTrue();
        assertThat(row.get("roles")).isEqualTo("ADMIN");
    }

    @Test
    void formPostWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", CONFIGURED_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/catalog").with(user("admin").roles("ADMIN")).param("code", "XX-0001"))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffWithoutTheAdminRoleCannotOpenAdminPages() throws Exception {
        mvc.perform(get("/admin/catalog").with(user("clerk").roles(StaffRole.STAFF.name())))
                .andExpect(status().isForbidden());
    }

    @Test
    void publicApiDocsHealthAndAssetsNeedNoSignIn() throws Exception {
        mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/css/admin.css")).andExpect(status().isOk());
    }

    @Test
    void apiWritesWithoutSignInAreRefusedWithUnauthorizedNotARedirect() throws Exception {
        mvc.perform(post("/api/v1/anything").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void signOutEndsTheSessionAndShowsTheSignedOutMessage() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user("admin").password(CONFIGURED_PASSWORD)).andReturn();
        var session = (MockHttpSession) login.getRequest().getSession(false);

        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(unauthenticated());
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/login").param("logout", ""))
                .andExpect(content().string(containsString("您已安全退出")));
    }
}
