package org.hall24.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.audit.AuditEntry;
import org.hall24.audit.AuditTrail;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An initial password must be changed before any staff page opens; failed sign-ins lock a name (and
 * an address) for a while, even against the right password, audited and told the same way for a
 * name that has no account. Each test uses accounts and client addresses of its own; time moves on
 * a {@link MutableClock}.
 */
@Hall24IntegrationTest
@Import(MutableClock.Configuration.class)
class StaffSignInProtectionTest {

    static final String INITIAL = "initial-password-1";
    static final String NEW = "a-new-long-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditTrail audit;
    @Autowired
    MutableClock clock;

    /** An administrator account of this test, with the given password, marked to change it or not. */
    String account(String password, boolean mustChange) {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into accounts_staff (id, username, display_name, password_hash, roles, enabled, created_at, must_change_password)
                values (?, ?, ?, ?, 'ADMIN', true, ?, ?)""")
                .params(UUID.randomUUID(), username, username, passwords.encode(password), Timestamp.from(clock.instant()), mustChange)
                .update();
        return username;
    }

    static String address() {
        return "10.9." + ThreadLocalRandom.current().nextInt(250) + "." + ThreadLocalRandom.current().nextInt(250);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    ResultActions signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)));
    }

    MockHttpSession session(ResultActions signIn) {
        MvcResult result = signIn.andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    // ---------------------------------------------------------------- the initial password

    @Test
    void aFirstSignInIsSentToTheChangePageAndEveryStaffPageLeadsThere() throws Exception {
        String username = account(INITIAL, true);
        MockHttpSession session = session(signIn(username, INITIAL, address())
                .andExpect(authenticated().withUsername(username))
                .andExpect(redirectedUrl("/staff/password")));

        for (String page : new String[] {"/admin/catalog", "/admin/notifications", "/admin/devices", "/staff/anything"}) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/staff/password"));
        }
        mvc.perform(post("/api/v1/anything").session(session).contentType("application/json").content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"));
        mvc.perform(get("/track").session(session)).andExpect(status().isOk());
        mvc.perform(get("/staff/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您使用的是初始密码。请先设置新密码，然后才能使用管理功能。")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void aNewPasswordMustFollowThePolicyAndTheMarkStaysUntilItDoes() throws Exception {
        String username = account(INITIAL, true);
        MockHttpSession session = session(signIn(username, INITIAL, address()));

        assertThat(change(session, INITIAL, "short-1", "short-1")).contains("id=\"next-error\"").contains("新密码至少需要 12 位");
        assertThat(change(session, INITIAL, INITIAL, INITIAL)).contains("新密码不能与当前密码相同");
        assertThat(change(session, INITIAL, NEW, NEW + "x")).contains("id=\"confirmation-error\"").contains("两次输入的新密码不一致");
        assertThat(change(session, "not-the-current-one", NEW, NEW)).contains("id=\"current-error\"").contains("当前密码不正确");

        mvc.perform(get("/admin/catalog").session(session)).andExpect(redirectedUrl("/staff/password"));
        assertThat(mustChange(username)).isTrue();
    }

    String change(MockHttpSession session, String current, String next, String confirmation) throws Exception {
        return mvc.perform(post("/staff/password").param("current", current).param("next", next).param("confirmation", confirmation)
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    boolean mustChange(String username) {
        return jdbc.sql("select must_change_password from accounts_staff where username = ?").param(username)
                .query(Boolean.class).single();
    }

    @Test
    void afterTheChangeTheStaffPagesOpenAndOnlyTheNewPasswordSignsIn() throws Exception {
        String username = account(INITIAL, true);
        MockHttpSession session = session(signIn(username, INITIAL, address()));

        MvcResult changed = mvc.perform(post("/staff/password").param("current", INITIAL).param("next", NEW).param("confirmation", NEW)
                        .session(session).with(csrf()))
                .andExpect(redirectedUrl("/admin/catalog"))
                .andExpect(authenticated().withUsername(username).withRoles("ADMIN"))
                .andReturn();
        MockHttpSession after = (MockHttpSession) changed.getRequest().getSession(false);

        mvc.perform(get("/admin/catalog").session(after))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前用户：" + username)));
        assertThat(mustChange(username)).isFalse();
        signIn(username, INITIAL, address()).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        signIn(username, NEW, address()).andExpect(authenticated().withRoles("ADMIN")).andExpect(redirectedUrl("/admin/catalog"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.about("staff:" + username))
                .extracting(AuditEntry::action).contains("accounts.password.changed"));
    }

    // ---------------------------------------------------------------- throttling

    @Test
    void sixWrongPasswordsLockTheNameEvenAgainstTheRightPasswordAndEachStepIsAudited() throws Exception {
        String username = account(NEW, false);
        String address = address();
        for (int i = 1; i <= 4; i++) {
            signIn(username, "wrong-" + i, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        String locked = signIn(username, "wrong-5", address).andExpect(unauthenticated()).andReturn().getResponse().getRedirectedUrl();
        assertThat(locked).matches("/login\\?locked=(1[0-5]|[1-9])");
        signIn(username, "wrong-6", address).andExpect(unauthenticated()).andExpect(redirectedUrl(locked));

        signIn(username, NEW, address).andExpect(unauthenticated()).andExpect(redirectedUrl(locked));
        // From another address too.
        signIn(username, NEW, address()).andExpect(unauthenticated()).andExpect(redirectedUrl(locked));

        mvc.perform(get(locked)).andExpect(content().string(containsString("登录失败次数过多，已暂停登录，请 ")));
        // The trail records events as their listeners run, so the lock and the failure that caused it
        // (one request) may land in either order: the steps are counted, not ordered.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.about("staff:" + username))
                .extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("accounts.sign-in.failed", "accounts.sign-in.failed", "accounts.sign-in.failed",
                        "accounts.sign-in.failed", "accounts.sign-in.failed", "accounts.sign-in.locked",
                        "accounts.sign-in.refused-locked", "accounts.sign-in.refused-locked", "accounts.sign-in.refused-locked"));
        assertThat(audit.about("staff:" + username)).extracting(AuditEntry::actor).contains("sign-in@" + address);
    }

    @Test
    void aNameWithoutAnAccountIsLockedAlikeSoTheLockTellsNothing() throws Exception {
        String real = account(NEW, false);
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String address = address();
        String[] answers = new String[2];
        int k = 0;
        for (String username : new String[] {real, nobody}) {
            for (int i = 1; i <= 5; i++) {
                signIn(username, "wrong-" + i, address);
            }
            answers[k++] = signIn(username, "wrong-6", address).andReturn().getResponse().getRedirectedUrl();
        }
        assertThat(answers[1]).startsWith("/login?locked=").isEqualTo(answers[0]);
    }

    @Test
    void theLockEndsWithItsWindowOnTheClock() throws Exception {
        String username = account(NEW, false);
        String address = address();
        for (int i = 1; i <= 5; i++) {
            signIn(username, "wrong-" + i, address);
        }
        signIn(username, NEW, address).andExpect(unauthenticated());

        clock.advance(Duration.ofMinutes(15));

        signIn(username, NEW, address).andExpect(authenticated().withUsername(username)).andExpect(redirectedUrl("/admin/catalog"));
    }

    @Test
    void tooManyFailuresFromOneAddressLockItForEveryName() throws Exception {
        String address = address();
        for (int i = 1; i <= 20; i++) {
            signIn("guess-" + i + "-" + UUID.randomUUID(), "wrong", address).andExpect(unauthenticated());
        }
        String username = account(NEW, false);

        signIn(username, NEW, address).andExpect(unauthenticated())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login?locked="));
        // The name itself is not locked.
        signIn(username, NEW, address()).andExpect(authenticated());
    }
}
