package org.hall24.notifications.internal.staff;

import java.util.List;

import org.hall24.notifications.ContactRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's staff contacts, loaded at start in demo mode ({@code hall24.demo=true}), each one that
 * is missing (by name): a collector and a reviewer for three departments of the seed hall, a
 * collector for each other department whose items take paper, and the hall's duty operator. Names are marked （演示）; phones are in 139 0000 00xx and addresses under
 * {@code hall24.example}, which reach no one (mail goes to the simulated mail server). Several
 * nodes starting at once load them once (an advisory lock around the check).
 */
@Component
@ConditionalOnProperty(name = "hall24.demo", havingValue = "true", matchIfMissing = true)
class DemoContacts {

    static final String HALL = "JLP-YJP";
    static final String BY = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoContacts.class);

    /** {@code name, role, department, phone, e-mail, from, until}. */
    static final List<ContactInput> CONTACTS = List.of(
            contact("王收件（演示）", ContactRole.COLLECTOR, "GJJ", "13900000001", "gjj.collector@hall24.example", "08:30", "18:00"),
            contact("李审核（演示）", ContactRole.REVIEWER, "GJJ", "13900000002", "gjj.reviewer@hall24.example", "09:00", "17:30"),
            contact("张收件（演示）", ContactRole.COLLECTOR, "SW", "13900000003", "sw.collector@hall24.example", "08:30", "18:00"),
            contact("赵审核（演示）", ContactRole.REVIEWER, "SW", "13900000004", "sw.reviewer@hall24.example", "09:00", "17:30"),
            contact("陈收件（演示）", ContactRole.COLLECTOR, "BDC", "13900000005", "bdc.collector@hall24.example", "08:00", "20:00"),
            contact("刘审核（演示）", ContactRole.REVIEWER, "BDC", "13900000006", null, "09:00", "17:30"),
            contact("周值班（演示）", ContactRole.DUTY_OPERATOR, null, "13900000009", "duty@hall24.example", "00:00", "24:00"),
            // The collectors of the other departments whose items take paper through the cabinet; the same
            // phones as their demo accounts (accounts' DemoStaff), so the one texted can sign in at the cabinet.
            contact("吴收件（演示）", ContactRole.COLLECTOR, "WJ", "13900000011", null, "00:00", "24:00"),
            contact("郑收件（演示）", ContactRole.COLLECTOR, "SJ", "13900000012", null, "08:30", "18:00"),
            contact("孙收件（演示）", ContactRole.COLLECTOR, "WL", "13900000013", null, "08:30", "18:00"),
            contact("钱收件（演示）", ContactRole.COLLECTOR, "MZ", "13900000014", null, "08:30", "18:00"),
            contact("冯收件（演示）", ContactRole.COLLECTOR, "GA", "13900000015", null, "00:00", "24:00"),
            contact("蒋收件（演示）", ContactRole.COLLECTOR, "JW", "13900000016", null, "08:30", "18:00"),
            contact("沈收件（演示）", ContactRole.COLLECTOR, "YJ", "13900000017", null, "08:30", "18:00"),
            contact("韩收件（演示）", ContactRole.COLLECTOR, "TY", "13900000018", null, "08:30", "18:00"),
            contact("杨收件（演示）", ContactRole.COLLECTOR, "RS", "13900000019", null, "08:30", "18:00"),
            contact("朱收件（演示）", ContactRole.COLLECTOR, "YB", "13900000020", null, "08:30", "18:00"));

    private final StaffContacts contacts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoContacts(StaffContacts contacts, JdbcClient jdbc, TransactionTemplate tx) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Integer loaded = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('hall24 demo staff contacts'))").query().singleRow();
            int n = 0;
            for (ContactInput c : CONTACTS) {
                boolean present = jdbc.sql("select exists (select 1 from notification_contact where display_name = ? and hall = ?)")
                        .params(c.displayName(), c.hall()).query(Boolean.class).single();
                if (!present) {
                    contacts.create(c, BY);
                    n++;
                }
            }
            return n;
        });
        if (loaded != null && loaded > 0) {
            log.info("Demo mode: loaded {} demo staff contacts for hall {} (/admin/contacts)", loaded, HALL);
        }
    }

    private static ContactInput contact(String name, ContactRole role, String department, String phone, String email,
            String from, String until) {
        return new ContactInput(name, role.name(), department, HALL, phone, email, from, until, true);
    }
}
