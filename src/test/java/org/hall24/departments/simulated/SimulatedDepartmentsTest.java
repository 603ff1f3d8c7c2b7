package org.hall24.departments.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.ServiceItem;
import org.hall24.shared.Applicant;
import org.hall24.departments.DepartmentGateway;
import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantAnswer.Outcome;
import org.hall24.departments.InstantAnswerPrinter;
import org.hall24.departments.InstantRequest;
import org.hall24.platform.DisplayTime;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The simulated department backends over the real catalog: every instant item, checks, determinism, print-outs. */
@Hall24IntegrationTest
class SimulatedDepartmentsTest {

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentGateway gateway;

    @Autowired
    SimulatedDepartments simulated;

    @Autowired
    InstantAnswerPrinter printer;

    @Autowired
    DisplayTime displayTime;

    static ChineseIdNumber id(String birth, int sequence) {
        String first17 = "500107" + birth + String.format("%03d", sequence);
        return ChineseIdNumber.of(first17 + ChineseIdNumber.checkCharacter(first17));
    }

    static String creditCode(String org) {
        String first17 = "91500107" + org;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A person the simulated departments know (not in the no-record bucket). */
    static ChineseIdNumber known() {
        for (int i = 1; ; i++) {
            ChineseIdNumber id = id("19850315", i);
            if (!new Person(id).unknown()) {
                return id;
            }
        }
    }

    static ChineseIdNumber unknown() {
        for (int i = 1; ; i++) {
            ChineseIdNumber id = id("19900101", i);
            if (new Person(id).unknown()) {
                return id;
            }
        }
    }

    LocalDate today() {
        return LocalDate.now(displayTime.zone());
    }

    List<ServiceItem> instantItems() {
        List<ServiceItem> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            ItemPage p = catalog.search(new ItemQuery(null, null, null, null, java.util.Set.of(), false, page, ItemQuery.MAX_SIZE));
            items.addAll(p.items());
            if (page + 1 >= p.totalPages()) {
                break;
            }
        }
        return items.stream().filter(i -> i.handlingType() == HandlingType.INSTANT).toList();
    }

    /** Form values a careful citizen would enter: every required field, valid by its schema. */
    Map<String, Object> validForm(ServiceItem item) {
        Map<String, Object> form = new LinkedHashMap<>();
        if (item.form() == null) {
            return form;
        }
        for (JsonNode required : item.form().path("required")) {
            String name = required.asString();
            JsonNode p = item.form().path("properties").path(name);
            String format = p.path("x-format").asString("");
            Object value;
            if (p.path("enum").isArray()) {
                value = p.path("enum").get(0).asString();
            }
            else if (p.path("type").asString("").equals("array")) {
                JsonNode e = p.path("items").path("enum");
                value = List.of(e.isArray() ? e.get(0).asString() : "测试");
            }
            else if (p.path("type").asString("").equals("number") || p.path("type").asString("").equals("integer")) {
                value = Math.max(1, p.path("minimum").asInt(0));
                if (name.equals("amount")) {
                    value = 1280.5;
                }
            }
            else if (p.path("type").asString("").equals("boolean")) {
                value = true;
            }
            else if (p.path("format").asString("").equals("date")) {
                value = name.startsWith("start") ? today().minusMonths(11).toString()
                        : name.startsWith("appointment") ? today().plusDays(1).toString() : today().toString();
            }
            else if (format.equals("phone") || name.toLowerCase().contains("phone")) {
                value = "13800138000";
            }
            else if (format.equals("credit-code") || name.equals("creditCode")) {
                value = creditCode("MA5U12345");
            }
            else if (format.equals("id-number") || name.equals("idNumber")) {
                value = id("19850315", 1).value();
            }
            else {
                value = "测试";
            }
            form.put(name, value);
        }
        return form;
    }

    InstantRequest request(ServiceItem item, ChineseIdNumber id, Map<String, Object> form) {
        return new InstantRequest(item.code(), item.version(), item.department(), new Applicant("张三", id), form, "JLP-YJP-GJJ-01",
                Locale.SIMPLIFIED_CHINESE);
    }

    InstantRequest request(String code, ChineseIdNumber id, Map<String, Object> form) {
        return request(catalog.item(code).orElseThrow(), id, form);
    }

    @Test
    void everyInstantItemOfTheCatalogAnswersOkOrNoRecordForATestIdentity() {
        List<ServiceItem> items = instantItems();
        assertThat(items).hasSizeGreaterThan(80);
        ChineseIdNumber person = known();
        int ok = 0;
        for (ServiceItem item : items) {
            InstantAnswer answer = gateway.answer(request(item, person, validForm(item)));
            assertThat(answer.outcome()).as(item.code() + " " + answer.reason()).isIn(Outcome.OK, Outcome.NO_RECORD);
            if (answer.isOk()) {
                ok++;
                assertThat(answer.reference()).as(item.code()).isNotBlank();
                assertThat(answer.fields().isEmpty() && answer.table() == null).as(item.code() + " says something").isFalse();
            }
            else {
                assertThat(answer.reason().zh()).as(item.code()).isNotBlank();
            }
        }
        assertThat(ok).as("most items answer OK for a known person").isGreaterThan(items.size() * 2 / 3);
    }

    @Test
    void theSamePersonGetsTheSameAnswerAndAnotherPersonADifferentOne() {
        for (String code : List.of("GJJ-0001", "GJJ-0003", "RS-0001", "YB-0004", "BDC-0002", "BDC-0003", "SW-0015", "GA-0029")) {
            ServiceItem item = catalog.item(code).orElseThrow();
            InstantAnswer first = gateway.answer(request(item, known(), validForm(item)));
            assertThat(gateway.answer(request(item, known(), validForm(item)))).as(code).isEqualTo(first);
        }
        InstantAnswer mine = gateway.answer(request("GJJ-0001", id("19850315", 1), Map.of()));
        List<InstantAnswer> others = new ArrayList<>();
        for (int i = 2; i < 6; i++) {
            others.add(gateway.answer(request("GJJ-0001", id("19850315", i), Map.of())));
        }
        assertThat(others).anySatisfy(o -> assertThat(o).isNotEqualTo(mine));
    }

    @Test
    void somePeopleHaveNoRecordDeterministically() {
        InstantAnswer answer = gateway.answer(request("GJJ-0001", unknown(), Map.of()));
        assertThat(answer.outcome()).isEqualTo(Outcome.NO_RECORD);
        assertThat(answer.reason().zh()).contains("未查询到");
        assertThat(answer.printable()).isFalse();
        assertThat(gateway.answer(request("RS-0003", unknown(), Map.of())).outcome()).isEqualTo(Outcome.NO_RECORD);
    }

    @Test
    void anInvoiceIsIssuedForAValidAmountAndRefusedWithAReasonForABadOne() {
        ServiceItem item = catalog.item("SW-0001").orElseThrow();
        Map<String, Object> form = new LinkedHashMap<>(validForm(item));
        form.put("amount", "1010.00");
        InstantAnswer invoice = gateway.answer(request(item, known(), form));
        assertThat(invoice.outcome()).isEqualTo(Outcome.OK);
        assertThat(invoice.printable()).isTrue();
        assertThat(invoice.reference()).matches("\\d{20}");
        assertThat(invoice.fields()).anySatisfy(f -> assertThat(f.value().zh()).isEqualTo("壹仟零壹拾元整"));
        assertThat(invoice.fields()).anySatisfy(f -> assertThat(f.value().zh()).isEqualTo("10.00")); // tax at 1 %: 1010 / 1.01 = 1000

        for (Object bad : List.of("abc", "-5", "0", "12.345", "200000", " ")) {
            form.put("amount", bad);
            InstantAnswer refused = gateway.answer(request(item, known(), form));
            assertThat(refused.outcome()).as("amount " + bad).isEqualTo(Outcome.REFUSED);
            assertThat(refused.reason().zh()).as("amount " + bad).isNotBlank();
            assertThat(refused.reason().en()).as("amount " + bad).isNotBlank();
            assertThat(refused.reference()).isNull();
        }
        form.put("amount", 200_000);
        assertThat(gateway.answer(request(item, known(), form)).reason().zh()).contains("100,000.00");
    }

    @Test
    void anAppointmentInThePastIsRefusedAndOneTomorrowGetsANumber() {
        ServiceItem item = catalog.item("BDC-0001").orElseThrow();
        Map<String, Object> form = new LinkedHashMap<>(validForm(item));
        InstantAnswer booked = gateway.answer(request(item, known(), form));
        assertThat(booked.outcome()).isEqualTo(Outcome.OK);
        assertThat(booked.reference()).startsWith("BDCYY");
        form.put("appointmentDate", today().minusDays(1).toString());
        assertThat(gateway.answer(request(item, known(), form)).outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void anUnavailableDepartmentAnswersUnavailableAndTheOthersStillAnswer() {
        simulated.makeUnavailable("GJJ");
        try {
            InstantAnswer down = gateway.answer(request("GJJ-0002", known(), Map.of()));
            assertThat(down.outcome()).isEqualTo(Outcome.UNAVAILABLE);
            assertThat(down.reason().zh()).contains("稍后再试");
            assertThat(gateway.answer(request("BDC-0003", known(), Map.of())).outcome()).isEqualTo(Outcome.OK);
        }
        finally {
            simulated.makeAvailable();
        }
        assertThat(gateway.answer(request("GJJ-0002", known(), Map.of())).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aNonInstantItemIsACallersMistake() {
        ServiceItem promised = catalog.search(ItemQuery.all()).items().stream().filter(i -> i.handlingType() != HandlingType.INSTANT)
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> gateway.answer(request(promised, known(), Map.of()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePrintOutCarriesTheTitleTheReferenceAndTheMaskedIdNumberButNeverTheFullOne() throws Exception {
        ChineseIdNumber person = known();
        InstantRequest request = request("BDC-0003", person, Map.of());
        InstantAnswer answer = gateway.answer(request);
        byte[] pdf = printer.print(request, answer, "https://hall24.example/verify/" + answer.reference());

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains(answer.title().zh(), answer.reference(), person.masked(), "九龙坡区不动产登记中心", "打印时间");
        assertThat(text).doesNotContain(person.value());

        InstantRequest english = new InstantRequest(request.itemCode(), request.itemVersion(), request.departmentCode(), request.applicant(),
                Map.of(), request.deviceCode(), Locale.ENGLISH);
        try (PDDocument doc = Loader.loadPDF(printer.print(english, answer, null))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains(answer.title().en(), "Reference number", person.masked(), "(BDC-0003)");
        }
        InstantAnswer notPrintable = gateway.answer(request("GJJ-0002", person, Map.of()));
        assertThatThrownBy(() -> printer.print(request, notPrintable, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAnswerOfTheSimulatedDepartmentsIsMarkedSimulated() {
        assertThat(gateway.answer(request("GJJ-0001", known(), Map.of()))).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.OK);
            assertThat(a.simulated()).isTrue();
        });
        assertThat(gateway.answer(request("GJJ-0001", unknown(), Map.of()))).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.NO_RECORD);
            assertThat(a.simulated()).isTrue();
        });
        ServiceItem invoice = catalog.item("SW-0001").orElseThrow();
        Map<String, Object> badAmount = new LinkedHashMap<>(validForm(invoice));
        badAmount.put("amount", "abc");
        assertThat(gateway.answer(request(invoice, known(), badAmount))).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(a.simulated()).isTrue();
        });
        simulated.makeUnavailable("GJJ");
        try {
            assertThat(gateway.answer(request("GJJ-0002", known(), Map.of()))).satisfies(a -> {
                assertThat(a.outcome()).isEqualTo(Outcome.UNAVAILABLE);
                assertThat(a.simulated()).isTrue();
            });
        }
        finally {
            simulated.makeAvailable();
        }
    }

    @Test
    void aSimulatedAnswersPrintOutCarriesTheSimulatedMarkOnEveryPageInsteadOfTheDepartmentsNotice() throws Exception {
        InstantRequest request = request("BDC-0003", known(), Map.of());
        InstantAnswer answer = gateway.answer(request);
        assertThat(answer.printable()).isTrue();

        try (PDDocument doc = Loader.loadPDF(printer.print(request, answer, null))) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(doc)).as("page %d", page).contains("模拟数据：本打印件由演示用的模拟部门系统生成");
            }
            assertThat(new PDFTextStripper().getText(doc)).contains(answer.reference()).doesNotContain("内容以部门业务系统记录为准");
        }
        InstantRequest english = new InstantRequest(request.itemCode(), request.itemVersion(), request.departmentCode(), request.applicant(),
                Map.of(), request.deviceCode(), Locale.ENGLISH);
        try (PDDocument doc = Loader.loadPDF(printer.print(english, answer, null))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("SIMULATED: made up by a demo's simulated department system");
        }
        InstantAnswer fromADepartment = new InstantAnswer(answer.outcome(), answer.reference(), answer.title(), answer.reason(),
                answer.fields(), answer.table(), answer.printable(), false);
        try (PDDocument doc = Loader.loadPDF(printer.print(request, fromADepartment, null))) {
            assertThat(new PDFTextStripper().getText(doc)).as("the same answer, not simulated").doesNotContain("模拟数据")
                    .contains("内容以部门业务系统记录为准");
        }
    }

    @Test
    void requestsAndApplicantsAreMaskedInTheirTextForm() {
        ChineseIdNumber person = known();
        InstantRequest request = request("SW-0001", person, Map.of("phone", "13800138000", "buyerName", "李四"));
        assertThat(request.toString()).doesNotContain(person.value(), "13800138000", "张三", "李四").contains(person.masked());
        InstantAnswer invoice = gateway.answer(request("SW-0001", person, Map.of("amount", "100", "buyerName", "李四", "goodsName", "咨询服务")));
        assertThat(invoice.isOk()).isTrue();
        assertThat(invoice.toString()).doesNotContain("张三", "李四").contains(invoice.reference());
    }

    @Test
    void amountsInCapitalsFollowTheInvoiceConvention() {
        assertThat(Money.capital(new java.math.BigDecimal("1010.00"))).isEqualTo("壹仟零壹拾元整");
        assertThat(Money.capital(new java.math.BigDecimal("120500"))).isEqualTo("壹拾贰万零伍佰元整");
        assertThat(Money.capital(new java.math.BigDecimal("10005.30"))).isEqualTo("壹万零伍元叁角整");
        assertThat(Money.capital(new java.math.BigDecimal("100000000.07"))).isEqualTo("壹亿元零柒分");
        assertThat(Money.capital(new java.math.BigDecimal("0.50"))).isEqualTo("伍角整");
    }
}
