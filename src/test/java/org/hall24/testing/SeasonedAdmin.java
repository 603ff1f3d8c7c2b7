package org.hall24.testing;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test profile's first administrator ({@code admin} / {@code test-admin-password}) as after its
 * first sign-in: the initial password counts as already replaced, so tests of other features sign in
 * and reach the admin pages at once. Runs after the bootstrap creates the account. The forced change
 * itself is tested on accounts of its own ({@code StaffSignInProtectionTest}), the bootstrap's
 * must-change mark in {@code AdminBootstrapTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SeasonedAdmin {

    @Bean
    @Order(1)
    ApplicationRunner seasonTheTestAdmin(JdbcClient jdbc) {
        return args -> jdbc.sql("update accounts_staff set must_change_password = false where username = 'admin'").update();
    }
}
