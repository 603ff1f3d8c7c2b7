package org.hall24.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.hall24.Hall24IntegrationTest;
import org.hall24.departments.DepartmentGateway;
import org.hall24.departments.InstantRequest;
import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.kiosk.KioskPairings;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.hall24.testing.FaceReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * The physician item (WJ-0001) at a government kiosk over its real web layer: items of this
 * device type only, the generated form with Chinese errors beside the fields, materials refused
 * and accepted, the phone check, review with the ID number masked, one filing for two
 * simultaneous submits, the receipt, and nothing of it reachable once the session ends.
 */
@Hall24IntegrationTest
class KioskJourneyTest {

    static final String KIOSK = "JLP-YJP-GOV-02";

    @Autowired
    MockMvc mvc;
    @Autowired
    KioskPairings pairings;
    @Autowired
    KioskSessions sessions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DepartmentGateway departments;
    @Autowired
    org.hall24.applications.Applications applications;
    @Autowired
    org.hall24.catalog.Catalog catalog;
    @Value("${hall24.identity.face.report-key}")
    String reportKey;

    Cookie cookie;
    TestIdentity person;

    @BeforeEach
    void identify() {
        identify(TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai"))));
    }

    void identify(TestIdentity who) {
        String code = pairings.issueCode(KIOSK, "journey-test").code();
        cookie = new Cookie("HALL24_KIOSK", ((KioskPairings.Paired) pairings.pair(code, "test", "10.1.1.2")).token());
        person = who;
        publisher.publishEvent(new CardRead(KIOSK, UUID.randomUUID(), Instant.now(), new IdCard(person.name(), person.sex(),
                person.ethnicity(), person.birthDate().toString(), person.address(), person.idNumber(), person.issuer(),
                person.validFrom().toString(), person.validTo().toString(), person.photo())));
        publisher.publishEvent(FaceReports.signed(reportKey, sessions.current(KIOSK).orElseThrow(), 0.93, true));
        assertThat(sessions.current(KIOSK)).hasValueSatisfying(s -> assertThat(s.verified()).isTrue());
    }

    @AfterEach
    void endSession() {
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.STAFF));
    }

    String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String redirect(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        return response.getRedirectedUrl();
    }

    static String validId() {
        String first17 = "11010519491231002";
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    @Test
    void thePhysicianItemFromItemsToReceipt() throws Exception {
        String items = page(get("/kiosk/items").cookie(cookie).param("q", "yishi"));
        assertThat(items).contains("data-item=\"WJ-0001\"", "变更医师执业注册");
        assertThat(page(get("/kiosk/items").cookie(cookie).param("q", "驾驶证"))).as("public-security items are not on a government kiosk")
                .doesNotContain("data-item=\"GA-");

        assertThat(page(get("/kiosk/items/WJ-0001").cookie(cookie))).contains("医师执业证书", "5 个工作日", "id=\"start\"");
        String form = redirect(post("/kiosk/items/WJ-0001/start").cookie(cookie).with(csrf()));
        assertThat(form).matches("/kiosk/drafts/[0-9a-f-]{36}/form");
        String draft = form.substring(0, form.length() - "/form".length());

        String empty = page(get(form).cookie(cookie));
        assertThat(empty).contains("name=\"physicianName\"", "name=\"newInstitutionCreditCode\"", "data-kb=\"pinyin\"",
                "data-kb=\"phone\"", "临床", "id=\"kiosk-keyboard\"");
        assertThat(empty).as("the ID number comes from the card, shown masked and not editable")
                .contains(ChineseIdNumber.of(person.idNumber()).masked(), "已从身份证读取").doesNotContain(person.idNumber())
                .doesNotContain("name=\"idNumber\"");

        String refused = page(post(form).cookie(cookie).with(csrf()).param("physicianName", person.name())
                .param("idNumber", "110105194912310020").param("newInstitutionCreditCode", "91500107MA5U000010")
                .param("currentInstitution", "x".repeat(101))
                .param("phone", "12345"));
        assertThat(refused).as("the ID number sent by the browser is ignored: the card's is used").doesNotContain("id=\"e-idNumber\"");
        assertThat(refused).contains("id=\"form-errors\"", "id=\"e-certificateNumber\"", "此项必填", "id=\"e-currentInstitution\"", "100",
                "id=\"e-newInstitutionCreditCode\"", "id=\"e-phone\"");
        assertThat(refused).as("what was typed is shown back").contains("value=\"12345\"");

        String credit = "91500107MA5U00001";
        credit += UnifiedSocialCreditCode.checkCharacter(credit);
        String materials = redirect(post(form).cookie(cookie).with(csrf()).param("physicianName", person.name())
                .param("idNumber", person.idNumber()).param("certificateNumber", "110500000012345").param("changeItem", "INSTITUTION")
                .param("currentInstitution", "重庆市第一人民医院").param("newInstitution", "九龙坡区人民医院")
                .param("newInstitutionCreditCode", credit).param("practiceCategory", "CLINICAL").param("practiceScope", "内科专业")
                .param("phone", "13912345678"));
        assertThat(materials).isEqualTo(draft + "/materials");

        String list = page(get(materials).cookie(cookie));
        assertThat(list).contains("已通过身份证读卡获取", "纸质原件", "医师执业证书");
        // Paper originals go to the cabinet; a scan for staff to pre-check is welcome.
        assertThat(page(multipart(draft + "/materials/0").file(new MockMultipartFile("file", "cert.jpg", "image/jpeg", jpeg()))
                .cookie(cookie).with(csrf()))).contains("data-attachment=");

        String phone = redirect(post(draft + "/materials/done").cookie(cookie).with(csrf()));
        assertThat(phone).isEqualTo(draft + "/phone");
        assertThat(page(get(phone).cookie(cookie))).contains("139****5678");
        int before = org.hall24.testing.Phones.texts("13912345678").size();
        page(post(draft + "/phone/send").cookie(cookie).with(csrf()));
        Matcher code = Pattern.compile("(\\d{6})").matcher(org.hall24.testing.Phones.awaitCodeAfter("13912345678", before));
        assertThat(code.find()).isTrue();
        String wrong = code.group(1).equals("000000") ? "111111" : "000000";
        assertThat(page(post(draft + "/phone/verify").cookie(cookie).with(csrf()).param("code", wrong)))
                .contains("id=\"code-error\"", "验证码不正确");
        assertThat(redirect(post(draft + "/phone/verify").cookie(cookie).with(csrf()).param("code", code.group(1))))
                .isEqualTo(draft + "/review");

        String review = page(get(draft + "/review").cookie(cookie));
        assertThat(review).contains("九龙坡区人民医院", "临床", ChineseIdNumber.of(person.idNumber()).masked(), "id=\"submit\"")
                .doesNotContain(person.idNumber());
        assertThat(review).as("no simulator here: the cabinet never reported, so it is said before submitting")
                .contains("data-cabinet=\"OFFLINE\"", "智能文件柜暂时无法使用");

        // A double tap: two submits at the same moment make one filing.
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> submit = () -> {
            start.await();
            return redirect(post(draft + "/submit").cookie(cookie).with(csrf()));
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<String>> results = List.of(two.submit(submit), two.submit(submit));
        start.countDown();
        String first = results.get(0).get();
        String second = results.get(1).get();
        two.shutdown();
        assertThat(first).isEqualTo(second).matches("/kiosk/filings/JLP-YJP-\\d{8}-WJ-\\d{6}-[0-9A-Z]");
        String number = first.substring("/kiosk/filings/".length());
        assertThat(jdbc.sql("select count(*) from filing where idempotency_key = ?").param("kiosk-draft:" + draft.substring(draft.lastIndexOf('/') + 1))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from kiosk_print where subject = ?").param("receipt:" + number)
                .query(Integer.class).single()).as("the receipt is printed once").isEqualTo(1);

        // The kiosk's printer is offline in this test: the print fails at once, after the response.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> page(get(first).cookie(cookie).header("HX-Request", "true")).contains("id=\"print-failed\""));
        String receipt = page(get(first).cookie(cookie));
        assertThat(receipt).contains(number, "id=\"print-failed\"", "OFFLINE", "id=\"reprint\"", "id=\"track-qr\"");
        assertThat(receipt).as("no deposit token for a cabinet that cannot open: the counter instead")
                .contains("id=\"deposit-counter\"", "请将纸质材料交服务窗口").doesNotContain("id=\"deposit-qr\"");
        assertThat(jdbc.sql("select count(*) from cabinet_reservation where subject = ?").param(number).query(Integer.class).single())
                .isZero();
        MockHttpServletResponse pdf = mvc.perform(get(first + "/receipt.pdf").cookie(cookie)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getContentAsByteArray()).startsWith("%PDF-".getBytes());

        // Once the session ends, nothing of it is reachable from this kiosk.
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.CITIZEN_FINISHED));
        assertThat(redirect(get(first).cookie(cookie))).isEqualTo("/kiosk");
    }

    @Test
    void anOversizedFileAndADisguisedExecutableAreRefusedBesideTheMaterial() throws Exception {
        String form = redirect(post("/kiosk/items/SJ-0016/start").cookie(cookie).with(csrf()));
        String draft = form.substring(0, form.lastIndexOf('/'));
        int index = firstScannedMaterial(draft);

        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        String refused = page(multipart(draft + "/materials/" + index).file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", exe))
                .cookie(cookie).with(csrf()));
        assertThat(refused).contains("id=\"material-error-" + index + "\"", "不是图片或 PDF");

        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(jpeg(), 0, huge, 0, jpeg().length);
        assertThat(page(multipart(draft + "/materials/" + index).file(new MockMultipartFile("file", "big.jpg", "image/jpeg", huge))
                .cookie(cookie).with(csrf()))).contains("id=\"material-error-" + index + "\"", "文件太大");

        String accepted = page(multipart(draft + "/materials/" + index).file(new MockMultipartFile("file", "page.jpg", "image/jpeg", jpeg()))
                .cookie(cookie).with(csrf()));
        assertThat(accepted).contains("data-attachment=").doesNotContain("id=\"material-error-");
        assertThat(Pattern.compile("data-attachment=").matcher(accepted).results().count()).as("only the good file is attached")
                .isEqualTo(1);
    }

    @Test
    void anInstantItemIsAnsweredByTheDepartmentShownAuditedAndPrintable() throws Exception {
        // Someone the simulated provident fund knows (it has no record of about one person in ten).
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.STAFF));
        Random random = new Random();
        TestIdentity member;
        do {
            member = TestIdentities.generate(random, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        } while (!departments.answer(new InstantRequest("GJJ-0005", 1, "GJJ", new org.hall24.shared.Applicant(member.name(),
                ChineseIdNumber.of(member.idNumber())), java.util.Map.of(), KIOSK, java.util.Locale.SIMPLIFIED_CHINESE)).isOk());
        identify(member);

        String review = redirect(post("/kiosk/items/GJJ-0005/start").cookie(cookie).with(csrf()));
        assertThat(review).as("no form, only the ID card: straight to review").endsWith("/review");
        assertThat(page(get(review).cookie(cookie))).contains("id=\"submit\"", "确认办理");

        String draft = review.substring(0, review.lastIndexOf('/'));
        String answer = redirect(post(draft + "/answer").cookie(cookie).with(csrf()));
        assertThat(answer).matches("/kiosk/answers/[0-9a-f-]{36}");
        String shown = page(get(answer).cookie(cookie));
        assertThat(shown).contains("data-screen=\"answer\"", "住房公积金缴存证明", "id=\"answer-ok\"", "id=\"answer-reference\"",
                "id=\"print\"");
        String key = printKey(shown);
        assertThat(redirect(post(answer + "/print").param("key", key).cookie(cookie).with(csrf()))).isEqualTo(answer);
        org.awaitility.Awaitility.await("the kiosk's printer is offline in this test").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> page(get(answer).cookie(cookie)).contains("id=\"print-failed\""));
        assertThat(page(get(answer).cookie(cookie))).contains("OFFLINE");
        assertThat(redirect(post(answer + "/print").param("key", key).cookie(cookie).with(csrf()))).as("the same tap again")
                .isEqualTo(answer);
        assertThat(jdbc.sql("select count(*) from kiosk_print where subject = ?").param("answer:" + answer.substring(answer.lastIndexOf('/') + 1))
                .query(Integer.class).single()).as("one print for one button").isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from audit_entry where action = 'kiosk.instant-item.answered' and detail like ? and detail like ?")
                .params("%GJJ-0005%", "%" + ChineseIdNumber.of(person.idNumber()).masked() + "%").query(Integer.class).single() > 0);
        assertThat(jdbc.sql("select count(*) from audit_entry where detail like ?").param("%" + person.idNumber() + "%")
                .query(Integer.class).single()).as("never the clear ID number").isZero();

        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.CITIZEN_FINISHED));
        identify();
        mvc.perform(get(answer).cookie(cookie)).andExpect(status().isNotFound());
    }

    @Test
    void aDraftOfAnotherKioskSessionCannotBeSubmittedFromHere() throws Exception {
        String credit = "91500107MA5U00001";
        credit += UnifiedSocialCreditCode.checkCharacter(credit);
        var item = catalog.item("WJ-0001").orElseThrow();
        var other = applications.openDraft("another-session", "JLP-YJP-GOV-01", item, new org.hall24.shared.Applicant(
                "李四", ChineseIdNumber.of(validId()), null, null));
        applications.saveForm(other.id(), java.util.Map.of("physicianName", "李四", "idNumber", validId(),
                "certificateNumber", "110500000012345", "changeItem", "INSTITUTION", "currentInstitution", "重庆市第一人民医院",
                "newInstitution", "九龙坡区人民医院", "newInstitutionCreditCode", credit, "practiceCategory", "CLINICAL",
                "practiceScope", "内科专业", "phone", "13912345678"), java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(applications.draft(other.id())).hasValueSatisfying(d -> assertThat(d.ready()).isTrue());

        mvc.perform(post("/kiosk/drafts/" + other.id() + "/submit").cookie(cookie).with(csrf())).andExpect(status().isNotFound());

        assertThat(jdbc.sql("select count(*) from filing where idempotency_key = ?").param("kiosk-draft:" + other.id())
                .query(Integer.class).single()).isZero();
        assertThat(applications.draft(other.id())).as("the other session's draft is untouched").isPresent();
    }

    @Test
    void anotherSessionsDraftIsNotFound() throws Exception {
        String form = redirect(post("/kiosk/items/WJ-0001/start").cookie(cookie).with(csrf()));
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.NEW_CARD));
        identify();
        String page = mvc.perform(get(form).cookie(cookie)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).as("a kiosk screen that leads back into the journey, not the guide's error page")
                .contains("data-screen=\"not-found\"", "这一页已失效", "id=\"back-to-items\"", "/js/kiosk.js", "lang=en\"")
                .doesNotContain("null?");
    }

    @Test
    void theServletContainerLetsAFileThroughUpToMoreThanTheMaterialLimit(
            @Autowired jakarta.servlet.MultipartConfigElement multipart,
            @Value("${hall24.applications.material-max-bytes}") long materialMaxBytes) {
        // MockMvc does not apply the container's limit: this keeps an oversized photo answered beside the
        // material ("文件太大") instead of by the container's error page.
        assertThat(multipart.getMaxFileSize()).isGreaterThan(materialMaxBytes);
        assertThat(multipart.getMaxRequestSize()).isGreaterThan(multipart.getMaxFileSize());
    }

    /** The print request key rendered with a print or reprint button. */
    static String printKey(String page) {
        Matcher key = Pattern.compile("name=\"key\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(key.find()).as("a print button with its key").isTrue();
        return key.group(1);
    }

    private int firstScannedMaterial(String draft) throws Exception {
        String page = page(get(draft + "/materials").cookie(cookie));
        Matcher m = Pattern.compile("class=\"kiosk-material target\"[^>]*data-material=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("a material waits for a scan in %s", draft).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(20, 20, 200, 100);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
