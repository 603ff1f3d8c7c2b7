package org.hall24.accounts.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.hall24.accounts.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator, {@value #USERNAME}, when no staff account exists. Its password
 * is {@code hall24.admin.initial-password} or, when that is unset, a random one printed once to
 * the log; only the BCrypt hash is stored, and the account is marked to change its password.
 * Nodes starting together create the account once.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final AdminProperties properties;
    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AdminBootstrap(AdminProperties properties, StaffAccounts accounts, PasswordEncoder passwords,
            TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = properties.hasInitialPassword();
        String password = configured ? properties.initialPassword() : generate();
        Boolean created = tx.execute(status -> {
            accounts.lockForBootstrap();
            if (!accounts.isEmpty()) {
                return false;
            }
            accounts.insert(new StaffAccount(UUID.randomUUID(), USERNAME, USERNAME, passwords.encode(password),
                    Set.of(StaffRole.ADMIN), true, clock.instant(), true));
            return true;
        });
        if (!Boolean.TRUE.equals(created)) {
            return;
        }
        if (configured) {
            log.info("Created the administrator account '{}' with the password from hall24.admin.initial-password",
                    USERNAME);
            return;
        }
        String rule = "=".repeat(72);
        log.warn("""

                {}
                  Hall24 first start: created the administrator account.

                      username:  {}
                      password:  {}

                  Sign in at /login and change this password. It is shown only this once;
                  only its hash is stored. To choose it yourself, set
                  HALL24_ADMIN_INITIAL_PASSWORD before the first start.
                {}""", rule, USERNAME, password, rule);
    }

    private String generate() {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
