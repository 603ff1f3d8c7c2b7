package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.Filing;
import org.hall24.applications.FormsTestAccess;
import org.hall24.applications.MaterialSource;
import org.hall24.catalog.Catalog;
import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.KioskPairings;
import org.hall24.shared.Applicant;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.hall24.testing.KioskVisit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * In demo mode (the default, {@code hall24.demo=true}) the demo says so: a banner on staff pages,
 * a small badge on public pages and kiosk screens, the 模拟数据 mark on a simulated department's
 * answer (its print-out is {@code SimulatedDepartmentsTest}), the 演示 mark on a filing's receipt.
 * {@link ProductionModeTest} shows none of them with {@code hall24.demo=false}.
 */
@Hall24IntegrationTest
class DemoModeTest {

    static final String KIOSK = "JLP-YJP-GOV-01";

    @Autowired
    MockMvc mvc;
    @Autowired
    KioskPairings pairings;
    @Autowired
    KioskSessions sessions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;
    @Value("${hall24.identity.face.report-key}")
    String faceReportKey;

    KioskVisit visit;

    @AfterEach
    void endVisit() {
        if (visit != null) {
            visit.end();
        }
    }

    String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void staffPagesShowTheDemoBanner() throws Exception {
        for (String path : new String[] {"/admin/catalog", "/admin/devices", "/admin/filings", "/admin/simulator"}) {
            assertThat(page(get(path).with(user("operator").roles("ADMIN")))).as(path)
                    .contains("id=\"demo-banner\"", "演示模式", "hall24.demo=false");
        }
        assertThat(page(get("/login"))).as("the sign-in page").contains("id=\"demo-banner\"", "演示模式");
        assertThat(page(get("/login").param("lang", "en"))).contains("id=\"demo-banner\"", "Demo mode");
    }

    @Test
    void publicPagesAndKioskScreensShowASmallDemoBadge() throws Exception {
        for (String path : new String[] {"/guide/JLP-YJP", "/guide/JLP-YJP/items/GA-0001", "/track"}) {
            assertThat(page(get(path))).as(path).contains("id=\"demo-badge\"", ">演示<").doesNotContain("id=\"demo-banner\"");
        }
        assertThat(page(get("/track").param("lang", "en"))).contains("id=\"demo-badge\"", ">Demo<");
        assertThat(page(get("/kiosk/pair"))).as("the kiosk's pairing screen").contains("id=\"demo-badge\"");
        visit = new KioskVisit(mvc, pairings, sessions, KIOSK);
        assertThat(visit.screen("/kiosk")).contains("data-screen=\"attract\"", "id=\"demo-badge\"", ">演示<");
    }

    @Test
    void aSimulatedDepartmentsAnswerIsMarkedSimulatedOnTheKioskScreen() throws Exception {
        visit = new KioskVisit(mvc, pairings, sessions, KIOSK).identify(publisher, faceReportKey);

        String answer = visit.askInstantItem("GJJ-0005");

        assertThat(answer).contains("data-screen=\"answer\"", "id=\"simulated-mark\"", "模拟数据", "不能作为证明使用", "id=\"demo-badge\"");
    }

    @Test
    void aFilingsReceiptIsMarkedDemoOnEveryPage() throws Exception {
        Filing filing = fileOne();

        try (PDDocument receipt = Loader.loadPDF(applications.receipt(filing.number(), Locale.SIMPLIFIED_CHINESE, "demo-test"))) {
            for (int page = 1; page <= receipt.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(receipt)).as("page %d", page).contains("演示回执", "不会送达任何真实部门");
            }
        }
        try (PDDocument receipt = Loader.loadPDF(applications.receipt(filing.number(), Locale.ENGLISH, "demo-test"))) {
            assertThat(new PDFTextStripper().getText(receipt).replaceAll("\\s+", " ")).contains("DEMO receipt",
                    "no real department receives this application");
        }
    }

    private Filing fileOne() {
        Draft draft = applications.openDraft("session-" + UUID.randomUUID(), KIOSK, catalog.item("WJ-0001").orElseThrow(),
                new Applicant("演示测试", ChineseIdNumber.of(ID), null, MobileNumber.of("13987654322")));
        Map<String, String> form = new HashMap<>(FormsTestAccess.physician());
        form.putAll(draft.submitted());
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 0, FormsTestAccess.jpeg(), "certificate.jpg", MaterialSource.DOCUMENT_CAMERA);
        return applications.submit(draft.id(), "key-" + UUID.randomUUID(), "JLP-YJP", "kiosk:" + KIOSK);
    }

    static final String ID = id("50010719900214123");

    static String id(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }
}
