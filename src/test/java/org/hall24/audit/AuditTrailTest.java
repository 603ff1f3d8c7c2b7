package org.hall24.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ServiceItem;
import org.hall24.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every catalog change lands in the hash-chained audit trail through the event publication
 * registry, and tampering with a recorded line is detected.
 */
@Hall24IntegrationTest
class AuditTrailTest {

    @Autowired
    Catalog catalog;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    private ServiceItem renamed(ServiceItem item, String zh) {
        return new ServiceItem(item.code(), item.version(), new LocalizedText(zh, item.name().en()), item.category(),
                item.department(), item.handlingType(), item.legalDays(), item.promisedDays(), item.scope(),
                item.materials(), item.fees(), item.deviceTypes(), item.paperDeposit(), item.deliveryMethods(),
                item.keywords(), item.form(), item.retired());
    }

    @Test
    void anAdminsEditIsRecordedWithWhoAndWhatChanged() {
        ServiceItem item = catalog.item("TY-0001").orElseThrow();
        ServiceItem published = catalog.publish(renamed(item, item.name().zh() + "（审计）"), item.version(), "auditor-test");
        String subject = "item:TY-0001@" + published.version();

        await().atMost(Duration.ofSeconds(10)).until(() -> !trail.about(subject).isEmpty());

        assertThat(trail.about(subject)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("auditor-test");
            assertThat(entry.action()).isEqualTo("catalog.item.published");
            assertThat(entry.detail()).isEqualTo("changed: name");
        });
        assertThat(trail.firstBrokenEntry()).isEmpty();
    }

    @Test
    void theTrailRefusesUpdatesAndDetectsATamperedLine() {
        ServiceItem item = catalog.item("TY-0002").orElseThrow();
        ServiceItem published = catalog.publish(renamed(item, item.name().zh() + "（篡改测试）"), item.version(), "tamper-test");
        String subject = "item:TY-0002@" + published.version();
        await().atMost(Duration.ofSeconds(10)).until(() -> !trail.about(subject).isEmpty());
        AuditEntry entry = trail.about(subject).get(0);

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone-else' where sequence = ?")
                .param(entry.sequence()).update()).hasMessageContaining("append-only");

        List<String> tamper = List.of(
                "alter table audit_entry disable trigger audit_entry_append_only",
                "update audit_entry set actor = 'someone-else' where sequence = " + entry.sequence());
        try {
            tamper.forEach(sql -> jdbc.sql(sql).update());

            assertThat(trail.firstBrokenEntry()).hasValue(entry.sequence());
        }
        finally {
            jdbc.sql("update audit_entry set actor = ? where sequence = ?").params(entry.actor(), entry.sequence()).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        }
        assertThat(trail.firstBrokenEntry()).isEmpty();
    }
}
