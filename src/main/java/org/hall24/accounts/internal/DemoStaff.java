package org.hall24.accounts.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hall24.accounts.StaffRole;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.shared.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's collectors (收件人): one account per department whose items take paper, named
 * {@code collector-<department>} (e.g. {@code collector-wj}), all with the password
 * {@value #PASSWORD}, the COLLECTOR role and a phone in 139 0000 00xx that reaches only the
 * simulated SMSC (the same numbers as the demo staff contacts, so the collector who is texted about a
 * deposit is the one who can sign in at the cabinet). Created at start when missing, in demo mode
 * and while {@code hall24.accounts.demo-staff.enabled} (default true) is on; never outside demo mode
 * (a database carried from a demo into production keeps them: disable them there). Display names are
 * marked （演示）.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = {"hall24.demo", "hall24.accounts.demo-staff.enabled"}, havingValue = "true", matchIfMissing = true)
class DemoStaff {

    static final String PASSWORD = "hall24-demo-collector";
    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    /** Department code → the demo collector's phone. */
    static final Map<String, String> COLLECTORS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SW", "13900000003");
        m.put("WJ", "13900000011");
        m.put("SJ", "13900000012");
        m.put("WL", "13900000013");
        m.put("MZ", "13900000014");
        m.put("GA", "13900000015");
        m.put("JW", "13900000016");
        m.put("YJ", "13900000017");
        m.put("TY", "13900000018");
        m.put("RS", "13900000019");
        m.put("YB", "13900000020");
        COLLECTORS = java.util.Collections.unmodifiableMap(m);
    }

    @Bean
    Loader demoStaffLoader(StaffAccounts accounts, PasswordEncoder passwords, PersonalDataCipher cipher, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock) {
        return new Loader(accounts, passwords, cipher, jdbc, tx, clock);
    }

    record Loader(StaffAccounts accounts, PasswordEncoder passwords, PersonalDataCipher cipher, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock) {

        @EventListener(ApplicationReadyEvent.class)
        void load() {
            String hash = passwords.encode(PASSWORD);
            Integer created = tx.execute(status -> {
                jdbc.sql("select pg_advisory_xact_lock(hashtext('hall24 demo staff accounts'))").query().singleRow();
                int n = 0;
                for (Map.Entry<String, String> c : COLLECTORS.entrySet()) {
                    String username = "collector-" + c.getKey().toLowerCase(java.util.Locale.ROOT);
                    if (accounts.byUsername(username).isPresent()) {
                        continue;
                    }
                    MobileNumber phone = MobileNumber.of(c.getValue());
                    accounts.insert(new StaffAccount(UUID.randomUUID(), username, c.getKey() + " 收件人（演示）", hash,
                            Set.of(StaffRole.COLLECTOR), true, clock.instant(), false, Set.of(c.getKey()),
                            cipher.encrypt(phone.value()), phone.masked()));
                    n++;
                }
                return n;
            });
            if (created != null && created > 0) {
                log.info("Demo mode: created {} demo collector accounts (collector-<department>, password {})", created, PASSWORD);
            }
        }
    }
}
