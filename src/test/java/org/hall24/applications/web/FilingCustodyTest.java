package org.hall24.applications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.sql.Timestamp;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.Filing;
import org.hall24.applications.FormsTestAccess;
import org.hall24.applications.MaterialSource;
import org.hall24.cabinet.Custody;
import org.hall24.cabinet.CustodyEntry;
import org.hall24.cabinet.CustodyRecord;
import org.hall24.cabinet.CustodyStep;
import org.hall24.cabinet.Envelope;
import org.hall24.catalog.Catalog;
import org.hall24.shared.Applicant;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.hall24.testing.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A filing's chain of custody where people see it: the admin filing page (every entry with who,
 * when, where and its hash, and whether the chain holds) and the citizen's /track timeline (plain
 * steps among the statuses, nothing else of the entries).
 */
@Hall24IntegrationTest
class FilingCustodyTest {

    static final String CABINET = "JLP-YJP-CAB-01";

    @Autowired
    MockMvc mvc;
    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;
    @Autowired
    Custody custody;
    @Autowired
    JdbcClient jdbc;

    final RequestPostProcessor admin = user("admin").roles("ADMIN");

    /** A filing of WJ-0001 (paper to deposit) with a phone unique to this run. */
    Filing file() {
        String phone = "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        String first17 = "50010719851203456";
        Applicant applicant = new Applicant("欧阳某", ChineseIdNumber.of(first17 + ChineseIdNumber.checkCharacter(first17)), null,
                MobileNumber.of(phone));
        Draft draft = applications.openDraft("s-" + UUID.randomUUID(), "JLP-YJP-GOV-01", catalog.item("WJ-0001").orElseThrow(),
                applicant);
        Map<String, String> form = new HashMap<>(FormsTestAccess.physician());
        form.putAll(draft.submitted());
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 3, FormsTestAccess.jpeg(), null, MaterialSource.CAMERA);
        return applications.submit(draft.id(), "k-" + UUID.randomUUID(), "JLP-YJP", "kiosk");
    }

    CustodyEntry reservedAndDeposited(String number) {
        custody.record(new CustodyRecord(Envelope.paper(number), CustodyStep.RESERVED, "kiosk:JLP-YJP-GOV-01", CABINET, "B3", null));
        return custody.record(new CustodyRecord(Envelope.paper(number), CustodyStep.DEPOSITED, "cabinet:" + CABINET + ":scanner", CABINET,
                "B3", null));
    }

    /** An entry slipped in with SQL after the last one: it links to it, but its hash is not of its fields. */
    void slipIn(CustodyEntry after) {
        Envelope envelope = Envelope.parse(after.envelope());
        jdbc.sql("""
                insert into cabinet_custody (envelope, kind, filing_number, sequence, step, actor, cabinet_code, compartment, note, at,
                    previous_hash, hash) values (?, ?, ?, ?, 'COLLECTED', 'staff:mallory', ?, 'B3', null, ?, ?, ?)""")
                .params(envelope.id(), envelope.kind().name(), envelope.filingNumber(), after.sequence() + 1, CABINET,
                        Timestamp.from(after.at().plusSeconds(60)), after.hash(), "f".repeat(64))
                .update();
    }

    String page(String number) throws Exception {
        return mvc.perform(get("/admin/filings/" + number).with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theAdminFilingPageShowsEachHandOverAndThatTheChainIsIntact() throws Exception {
        Filing filing = file();
        CustodyEntry deposited = reservedAndDeposited(filing.number());

        String html = page(filing.number());

        assertThat(html).contains("id=\"custody\"").contains("已预留柜格").contains("已投递")
                .contains("kiosk:JLP-YJP-GOV-01").contains("cabinet:JLP-YJP-CAB-01:scanner")
                .as("where: the cabinet's name from the hall and the compartment").contains("智能文件柜 · 柜格 B3")
                .as("the hash, shortened, the full one in its title").contains(deposited.hash().substring(0, 12) + "…")
                .contains("title=\"" + deposited.hash() + "\"")
                .contains("class=\"chain-intact\"").contains("交接记录完整：2 条记录逐条核验无误")
                .doesNotContain("chain-broken");
        assertThat(html.indexOf("id=\"history\"")).as("the custody trail is beside the status history")
                .isLessThan(html.indexOf("id=\"custody\"")).isLessThan(html.indexOf("id=\"materials\""));
        String english = mvc.perform(get("/admin/filings/" + filing.number()).param("lang", "en").with(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("Chain of custody intact: all 2 entries verified").contains("Smart file cabinet · compartment B3");
    }

    @Test
    void anEntrySlippedInWithSqlShowsTheChainBrokenInWordsOnTheFilingPageAndOnTheCustodyPage() throws Exception {
        Filing filing = file();
        slipIn(reservedAndDeposited(filing.number()));

        String html = page(filing.number());

        assertThat(html).contains("class=\"chain-broken\"").contains("role=\"alert\"")
                .contains("交接记录已断裂：纸质材料自第 3 条起不可信").contains("its fields do not match its hash")
                .doesNotContain("chain-intact");
        String row = html.substring(html.indexOf("id=\"custody-paper:" + filing.number() + "-3\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).as("the broken entry is marked in words too").contains("断裂")
                .contains("staff:mallory");
        assertThat(html).contains("id=\"custody-paper:" + filing.number() + "-3\" class=\"broken-entry\"");

        mvc.perform(post("/admin/custody/verify").with(admin).with(csrf())).andExpect(redirectedUrl("/admin/custody"));
        String custodyPage = mvc.perform(get("/admin/custody").with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String listed = custodyPage.substring(custodyPage.indexOf("id=\"broken-paper:" + filing.number() + "\""));
        assertThat(listed.substring(0, listed.indexOf("</tr>"))).contains("断裂").contains("纸质材料")
                .contains("href=\"/admin/filings/" + filing.number() + "\"").contains(">3<")
                .contains("its fields do not match its hash");
    }

    @Test
    void theTrackTimelineShowsTheHandOversInPlainWordsAmongTheStatuses() throws Exception {
        Filing filing = file();
        CustodyEntry deposited = reservedAndDeposited(filing.number());
        CustodyEntry collected = custody.record(new CustodyRecord(Envelope.paper(filing.number()), CustodyStep.COLLECTED,
                "staff:zhangsan", CABINET, "B3", null));
        MockHttpSession session = new MockHttpSession();
        String ip = "10.2." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        RequestPostProcessor from = request -> {
            request.setRemoteAddr(ip);
            return request;
        };
        mvc.perform(post("/track").param("number", filing.number()).session(session).with(csrf()).with(from)).andExpect(status().isOk());
        String code = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Phones.anyCodeWith(filing.number()), Optional::isPresent)
                .orElseThrow();
        mvc.perform(post("/track/verify").param("number", filing.number()).param("code", code).session(session).with(csrf()).with(from))
                .andExpect(redirectedUrl("/track/status?number=" + filing.number()));

        String timeline = mvc.perform(get("/track/status").param("number", filing.number()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(timeline).contains("已预留智能文件柜柜格 B3，待投递纸质材料").contains("纸质材料已投递至智能文件柜（柜格 B3）")
                .contains("部门已取件")
                .as("no usernames, device ids, actors or hashes for citizens")
                .doesNotContain("zhangsan").doesNotContain("staff:").doesNotContain(CABINET).doesNotContain("JLP-YJP-GOV-01")
                .doesNotContain("scanner").doesNotContain(deposited.hash()).doesNotContain(deposited.hash().substring(0, 12))
                .doesNotContain(collected.hash().substring(0, 12));
        String steps = timeline.substring(timeline.indexOf("id=\"timeline\""));
        assertThat(steps.indexOf("部门已取件")).as("newest first, hand-overs among the statuses")
                .isLessThan(steps.indexOf("纸质材料已投递至智能文件柜"));
        assertThat(steps.indexOf("纸质材料已投递至智能文件柜")).isLessThan(steps.indexOf("已预留智能文件柜柜格"));
        assertThat(steps.indexOf("已预留智能文件柜柜格")).isLessThan(steps.indexOf("已提交"));
        String english = mvc.perform(get("/track/status").param("number", filing.number()).param("lang", "en").session(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Paper materials deposited in the smart file cabinet (compartment B3)");
    }

    @Test
    void aTimelineStepIsMadeOfTheStepAndTheCompartmentOnly() {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        CustodyEntry deposited = new CustodyEntry("paper:N", 2, CustodyStep.DEPOSITED, "cabinet:C:keypad", "C", "B3", null, at,
                "0".repeat(64), "a".repeat(64));
        CustodyEntry collected = new CustodyEntry("paper:N", 3, CustodyStep.COLLECTED, "staff:li", "C", "B3", null, at.plusSeconds(1),
                "a".repeat(64), "b".repeat(64));
        CustodyEntry resultReserved = new CustodyEntry("result:N", 1, CustodyStep.RESERVED, "staff:li", "C", "C1", null, at.plusSeconds(2),
                "0".repeat(64), "c".repeat(64));

        assertThat(TrackedStep.timeline(java.util.List.of(), java.util.List.of(deposited, collected, resultReserved)))
                .as("newest first; a result's reservation is staff's business; the compartment only where the citizen uses it")
                .containsExactly(new TrackedStep("track.custody.COLLECTED", null, at.plusSeconds(1)),
                        new TrackedStep("track.custody.DEPOSITED.at", "B3", at));
    }
}
