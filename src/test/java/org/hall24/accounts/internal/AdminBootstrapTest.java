package org.hall24.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.accounts.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password:\\s+(\\S+)");

    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(4);
    private final InMemoryAccounts accounts = new InMemoryAccounts();

    @Test
    void withoutConfiguredPasswordGeneratesOnePrintsItOnceFramedAndStoresOnlyItsHash(CapturedOutput output) {
        bootstrap(null).run(new DefaultApplicationArguments());

        assertThat(accounts.saved).hasSize(1);
        StaffAccount admin = accounts.saved.get(0);
        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.roles()).containsExactly(StaffRole.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
        assertThat(printed.find()).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(admin.passwordHash()).startsWith("$2").doesNotContain(password);
        assertThat(passwords.matches(password, admin.passwordHash())).isTrue();
        assertThat(output.getOut()).contains("=".repeat(72));
        assertThat(printed.find()).as("the password is printed once").isFalse();
    }

    @Test
    void withConfiguredPasswordUsesItAndNeverLogsIt(CapturedOutput output) {
        bootstrap("s3cret-initial").run(new DefaultApplicationArguments());

        assertThat(accounts.saved).hasSize(1);
        assertThat(passwords.matches("s3cret-initial", accounts.saved.get(0).passwordHash())).isTrue();
        assertThat(output.getAll()).doesNotContain("s3cret-initial");
    }

    @Test
    void whenAnyAccountExistsCreatesNothingAndPrintsNothing(CapturedOutput output) {
        accounts.empty = false;

        bootstrap(null).run(new DefaultApplicationArguments());

        assertThat(accounts.saved).isEmpty();
        assertThat(output.getAll()).doesNotContain("password:");
    }

    private AdminBootstrap bootstrap(String initialPassword) {
        return new AdminBootstrap(new AdminProperties(initialPassword), accounts, passwords,
                new TransactionTemplate(new NoTransactions()), Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
    }

    private static final class InMemoryAccounts extends StaffAccounts {

        boolean empty = true;
        final List<StaffAccount> saved = new ArrayList<>();

        InMemoryAccounts() {
            super(JdbcClient.create(new SimpleDriverDataSource()));
        }

        @Override
        boolean isEmpty() {
            return empty && saved.isEmpty();
        }

        @Override
        void lockForBootstrap() {
        }

        @Override
        void insert(StaffAccount account) {
            saved.add(account);
        }
    }

    private static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
