package org.hall24.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyEntry;
import org.hall24.cabinet.CustodyRecord;
import org.hall24.cabinet.CustodyStep;
import org.hall24.cabinet.Envelope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code /admin/custody}: verifying every chain on an operator's request, and who may. */
@Hall24IntegrationTest
class AdminCustodyTest {

    static final String CABINET = "JLP-YJP-CAB-01";

    @Autowired
    MockMvc mvc;
    @Autowired
    Custody custody;
    @Autowired
    JdbcClient jdbc;

    final RequestPostProcessor admin = user("admin").roles("ADMIN");

    static String number() {
        return "TEST-CUSTODY-" + UUID.randomUUID();
    }

    CustodyEntry deposit(String number) {
        return custody.record(new CustodyRecord(Envelope.paper(number), CustodyStep.DEPOSITED, "cabinet:" + CABINET + ":keypad", CABINET,
                "A1", null));
    }

    @Test
    void verifyingNowListsTheBrokenChainsWithTheirFirstBrokenEntryAndReasonAndRecordsTheRun() throws Exception {
        String tampered = number();
        String intact = number();
        CustodyEntry first = deposit(tampered);
        deposit(intact);
        // Entry 2 is missing: an entry 3 that links to entry 1 was slipped in with SQL (the trigger refuses UPDATE and DELETE, not INSERT).
        jdbc.sql("""
                insert into cabinet_custody (envelope, kind, filing_number, sequence, step, actor, cabinet_code, compartment, note, at,
                    previous_hash, hash) values (?, 'PAPER', ?, 3, 'COLLECTED', 'staff:mallory', ?, 'A1', null, ?, ?, ?)""")
                .params(Envelope.paper(tampered).id(), tampered, CABINET, Timestamp.from(first.at().plusSeconds(5)), first.hash(),
                        "e".repeat(64))
                .update();

        mvc.perform(post("/admin/custody/verify").with(admin).with(csrf())).andExpect(redirectedUrl("/admin/custody"));
        String html = mvc.perform(get("/admin/custody").with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("id=\"last-run\"").contains("staff:admin").contains("id=\"broken\"");
        String row = html.substring(html.indexOf("id=\"broken-paper:" + tampered + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("断裂").contains("纸质材料").contains(">2<")
                .contains("entry 2 is missing");
        assertThat(html).doesNotContain("id=\"broken-paper:" + intact + "\"");
        assertThat(jdbc.sql("select started_by from cabinet_custody_run order by id desc limit 1").query(String.class).single())
                .isEqualTo("staff:admin");
        assertThat(jdbc.sql("select count(*) from cabinet_custody_check where envelope = ? and broken_at is null")
                .param(Envelope.paper(intact).id()).query(Integer.class).single()).as("the intact chain was checked too").isEqualTo(1);
    }

    @Test
    void theAdminNavigationLinksTheCustodyPage() throws Exception {
        String html = mvc.perform(get("/admin/custody").with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("href=\"/admin/custody\"").contains("交接记录").contains("id=\"verify\"")
                .contains("name=\"_csrf\"");
    }

    @Test
    void onlyAnAdminMayOpenTheCustodyPageOrVerify() throws Exception {
        RequestPostProcessor staff = user("clerk").roles("STAFF");
        RequestPostProcessor collector = user("collector").roles("COLLECTOR");

        mvc.perform(get("/admin/custody").with(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/custody").with(collector)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/custody/verify").with(staff).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/custody")).andExpect(redirectedUrl("/login"));
        // No CSRF token.
        mvc.perform(post("/admin/custody/verify").with(admin)).andExpect(status().isForbidden());
    }
}
