package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
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
import org.hall24.departments.DepartmentGateway;
import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantAnswerPrinter;
import org.hall24.departments.InstantRequest;
import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.KioskPairings;
import org.hall24.platform.demo.DemoMode;
import org.hall24.platform.demo.DemoPart;
import org.hall24.shared.Applicant;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.LocalizedText;
import org.hall24.shared.MobileNumber;
import org.hall24.testing.KioskVisit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * {@code hall24.demo=false} with every demo part off, as in production: the application starts,
 * and no page, kiosk screen, answer or receipt carries a demo banner, badge or mark. The
 * departments' system is a stand-in here (it cannot run in a test), answering as a real adapter would.
 */
@Hall24IntegrationTest(properties = {"hall24.demo=false", "hall24.simulator.enabled=false", "hall24.simulator.smsc.enabled=false",
        "hall24.simulator.mail.enabled=false",
        "hall24.departments.simulated=false",
        "hall24.identity.face.report-key=" + DemoSwitchStartupTest.FACE_KEY, "hall24.public-base-url=https://hall24.example.gov.cn"})
class ProductionModeTest {

    static final String KIOSK = "JLP-YJP-GOV-01";

    /** Stands in for a department's system, answering every instant item as a real adapter would. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DepartmentSystem {

        @Bean
        DepartmentGateway departmentSystem() {
            return request -> InstantAnswer.ok("GJJ-2026-000123", new LocalizedText("住房公积金缴存证明", "Provident fund certificate"),
                    List.of(InstantAnswer.Field.of("缴存状态", "Status", "正常", "Active")), null, true);
        }
    }

    @Autowired
    ApplicationContext context;
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
    @Autowired
    InstantAnswerPrinter printer;

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
    void itStartsWithDemoModeOffAndEveryDemoPartOff() {
        assertThat(context.getBean(DemoMode.class).on()).isFalse();
        assertThat(context.getBeansOfType(DemoPart.class).values()).extracting(DemoPart::property).containsExactlyInAnyOrder(
                "hall24.simulator.enabled", "hall24.departments.simulated", "hall24.identity.face.report-key", "hall24.public-base-url",
                "hall24.mqtt.plain-enabled", "hall24.simulator.smsc.enabled", "hall24.sms.smpp.password", "hall24.simulator.mail.enabled");
        assertThat(context.getBeansOfType(DemoPart.class).values()).noneMatch(DemoPart::on);
    }

    @Test
    void noPageShowsADemoBannerOrBadge() throws Exception {
        for (String path : new String[] {"/admin/catalog", "/admin/devices", "/admin/filings"}) {
            assertThat(page(get(path).with(user("operator").roles("ADMIN")))).as(path).contains("class=\"admin-header\"")
                    .doesNotContain("demo-banner", "demo-badge", "演示模式");
        }
        assertThat(page(get("/login"))).contains("id=\"username\"").doesNotContain("demo-banner", "演示模式");
        for (String path : new String[] {"/guide/JLP-YJP", "/guide/JLP-YJP/items/GA-0001", "/track"}) {
            assertThat(page(get(path))).as(path).contains("lang-switch").doesNotContain("demo-badge", "demo-banner");
        }
        assertThat(page(get("/kiosk/pair"))).contains("kiosk-brand").doesNotContain("demo-badge");
        visit = new KioskVisit(mvc, pairings, sessions, KIOSK);
        assertThat(visit.screen("/kiosk")).contains("data-screen=\"attract\"").doesNotContain("demo-badge");
    }

    @Test
    void aDepartmentsAnswerIsShownAndPrintedWithoutTheSimulatedMark() throws Exception {
        visit = new KioskVisit(mvc, pairings, sessions, KIOSK).identify(publisher, DemoSwitchStartupTest.FACE_KEY);

        assertThat(visit.askInstantItem("GJJ-0005")).contains("id=\"answer-ok\"", "GJJ-2026-000123")
                .doesNotContain("simulated-mark", "模拟数据", "demo-badge");

        InstantRequest request = new InstantRequest("GJJ-0005", catalog.item("GJJ-0005").orElseThrow().version(), "GJJ",
                new Applicant("张三", ChineseIdNumber.of(DemoModeTest.ID)), Map.of(), KIOSK, Locale.SIMPLIFIED_CHINESE);
        InstantAnswer answer = context.getBean(DepartmentGateway.class).answer(request);
        try (PDDocument printOut = Loader.loadPDF(printer.print(request, answer, null))) {
            assertThat(new PDFTextStripper().getText(printOut)).contains("GJJ-2026-000123", "内容以部门业务系统记录为准")
                    .doesNotContain("模拟数据");
        }
    }

    @Test
    void aFilingsReceiptCarriesNoDemoMark() throws Exception {
        Draft draft = applications.openDraft("session-" + UUID.randomUUID(), KIOSK, catalog.item("WJ-0001").orElseThrow(),
                new Applicant("正式测试", ChineseIdNumber.of(DemoModeTest.ID), null, MobileNumber.of("13987654323")));
        Map<String, String> form = new HashMap<>(FormsTestAccess.physician());
        form.putAll(draft.submitted());
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 0, FormsTestAccess.jpeg(), "certificate.jpg", MaterialSource.DOCUMENT_CAMERA);
        Filing filing = applications.submit(draft.id(), "key-" + UUID.randomUUID(), "JLP-YJP", "kiosk:" + KIOSK);

        try (PDDocument receipt = Loader.loadPDF(applications.receipt(filing.number(), Locale.SIMPLIFIED_CHINESE, "production-test"))) {
            assertThat(new PDFTextStripper().getText(receipt).replaceAll("\\s+", "")).contains("受理回执", filing.number(),
                    "https://hall24.example.gov.cn/track?number=" + filing.number())
                    .doesNotContain("演示");
        }
    }
}
