package org.hall24.applications;

import org.hall24.shared.Applicant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ServiceItem;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

@Hall24IntegrationTest
class FormsTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    static String id(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    static String creditCode(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static final String ID = id("50010719900101123");
    static final String CREDIT = creditCode("91500107MA5U00001");

    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;

    ServiceItem item(String code) {
        return catalog.item(code).orElseThrow();
    }

    /** A valid WJ-0001 form; tests break one field at a time. */
    static Map<String, String> physician() {
        Map<String, String> form = new HashMap<>();
        form.put("physicianName", "张三");
        form.put("idNumber", ID);
        form.put("certificateNumber", "110500000012345");
        form.put("changeItem", "INSTITUTION");
        form.put("currentInstitution", "重庆市第一人民医院");
        form.put("newInstitution", "九龙坡区人民医院");
        form.put("newInstitutionCreditCode", CREDIT);
        form.put("practiceCategory", "CLINICAL");
        form.put("practiceScope", "内科专业");
        form.put("phone", "13812345678");
        return form;
    }

    @Test
    void physicianFormHasItsTenFieldsInSchemaOrderWithKindsFormatsKeyboardsAndChineseOptions() {
        FormDefinition form = applications.definition(item("WJ-0001"), ZH);

        assertThat(form.fields()).extracting(FormField::name).containsExactly("physicianName", "idNumber",
                "certificateNumber", "changeItem", "currentInstitution", "newInstitution", "newInstitutionCreditCode",
                "practiceCategory", "practiceScope", "phone");
        FormField name = form.field("physicianName").orElseThrow();
        assertThat(name.label()).isEqualTo("医师姓名");
        assertThat(name.kind()).isEqualTo(FieldKind.TEXT);
        assertThat(name.required()).isTrue();
        assertThat(name.maxLength()).isEqualTo(30);
        assertThat(name.keyboard()).isEqualTo("pinyin");
        assertThat(name.prefill()).isEqualTo(Prefill.NAME);

        FormField id = form.field("idNumber").orElseThrow();
        assertThat(id.format()).isEqualTo("id-number");
        assertThat(id.keyboard()).isEqualTo("id");
        assertThat(id.prefill()).isEqualTo(Prefill.ID_NUMBER);

        FormField change = form.field("changeItem").orElseThrow();
        assertThat(change.kind()).isEqualTo(FieldKind.SELECT);
        assertThat(change.keyboard()).isNull();
        assertThat(change.options()).containsExactly(new FormField.Option("INSTITUTION", "执业机构"),
                new FormField.Option("SCOPE", "执业范围"), new FormField.Option("CATEGORY", "执业类别"),
                new FormField.Option("LOCATION", "执业地点"));

        FormField credit = form.field("newInstitutionCreditCode").orElseThrow();
        assertThat(credit.required()).isFalse();
        assertThat(credit.format()).isEqualTo("credit-code");
        assertThat(credit.keyboard()).isEqualTo("alpha");

        FormField phone = form.field("phone").orElseThrow();
        assertThat(phone.format()).isEqualTo("phone");
        assertThat(phone.keyboard()).isEqualTo("phone");
        assertThat(phone.prefill()).isEqualTo(Prefill.PHONE);

        assertThat(form.field("currentInstitution").orElseThrow().prefill()).isNull();
    }

    @Test
    void englishLabelsAndOptionsComeFromXTitleEnAndXEnumTitles() {
        FormDefinition form = applications.definition(item("WJ-0001"), Locale.ENGLISH);

        assertThat(form.field("physicianName").orElseThrow().label()).isEqualTo("Physician name");
        assertThat(form.field("practiceCategory").orElseThrow().options()).extracting(FormField.Option::label)
                .containsExactly("Clinical medicine", "Traditional Chinese medicine", "Dentistry", "Public health");
    }

    @Test
    void performanceFormHasDatesAnIntegerAndARepeatingGroupOfPerformers() {
        FormDefinition form = applications.definition(item("WL-0001"), ZH);

        FormField start = form.field("startDate").orElseThrow();
        assertThat(start.kind()).isEqualTo(FieldKind.DATE);
        assertThat(start.keyboard()).isEqualTo("digits");
        assertThat(form.field("performanceCount").orElseThrow().kind()).isEqualTo(FieldKind.INTEGER);
        assertThat(form.field("companyName").orElseThrow().prefill()).as("a company's name is not the applicant's").isNull();

        FormField performers = form.field("performers").orElseThrow();
        assertThat(performers.kind()).isEqualTo(FieldKind.REPEAT);
        assertThat(performers.label()).isEqualTo("主要演员");
        assertThat(performers.minItems()).isEqualTo(1);
        assertThat(performers.maxItems()).isEqualTo(50);
        assertThat(performers.fields()).extracting(FormField::name).containsExactly("performers[0].name", "performers[0].idNumber");
        assertThat(performers.fields()).allMatch(FormField::required);
        assertThat(performers.fields().get(1).prefill()).as("rows are not prefilled").isNull();
        assertThat(performers.rowFields(3)).extracting(FormField::name).containsExactly("performers[3].name", "performers[3].idNumber");
    }

    @Test
    void objectsBecomeGroupsWithDottedNames() {
        FormDefinition form = applications.definition(item("MZ-0001"), ZH);

        FormField domicile = form.field("domicile").orElseThrow();
        assertThat(domicile.kind()).isEqualTo(FieldKind.GROUP);
        assertThat(domicile.fields()).extracting(FormField::name)
                .containsExactly("domicile.province", "domicile.city", "domicile.district", "domicile.detail");
        assertThat(form.field("registeredFunds").orElseThrow().kind()).isEqualTo(FieldKind.NUMBER);
        assertThat(form.field("registeredFunds").orElseThrow().keyboard()).isEqualTo("decimal");
    }

    @Test
    void prefillTakesTheApplicantsNameIdNumberAndPhone() {
        Applicant applicant = new Applicant("张三", ChineseIdNumber.of(ID), null, MobileNumber.of("13812345678"));

        assertThat(applications.prefill(item("WJ-0001"), applicant)).containsExactly(Map.entry("physicianName", "张三"),
                Map.entry("idNumber", ID), Map.entry("phone", "13812345678"));
    }

    @Test
    void aValidFormIsTypedAndHasNoErrors() {
        FormCheck check = applications.check(item("WJ-0001"), physician(), ZH);

        assertThat(check.errors()).isEmpty();
        assertThat(check.values().get("physicianName").asString()).isEqualTo("张三");
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            physicianName             | ''                                        | 此项必填
            physicianName             | 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一 | 最多 30 个字
            changeItem                | ELSEWHERE                                 | 请选择列表中的一项
            idNumber                  | 500107199001011235                        | 身份证号码校验位不正确
            idNumber                  | 50010719900101123                         | 身份证号码应为 18 位，最后一位可以是 X
            idNumber                  | 500107199002301234                        | 身份证号码中的出生日期不正确
            idNumber                  | 990107199001011234                        | 身份证号码的地区代码不存在
            newInstitutionCreditCode  | WRONG_CHECK                               | 统一社会信用代码校验位不正确
            newInstitutionCreditCode  | 91500107MA5U0000IO                        | 统一社会信用代码应为 18 位数字或大写字母
            phone                     | 12345678901                               | 请填写 11 位手机号码
            phone                     | 1381234567                                | 请填写 11 位手机号码
            """)
    void physicianFormErrorsAreChineseAndBesideTheirField(String field, String value, String message) {
        Map<String, String> form = physician();
        if (value.equals("WRONG_CHECK")) {
            value = CREDIT.substring(0, 17) + (CREDIT.charAt(17) == '0' ? '1' : '0');
        }
        form.put(field, value);
        if (field.equals("idNumber") && value.length() == 18 && !value.startsWith("99") && !value.contains("0230")) {
            // a wrong check digit: make sure it really is wrong
            assertThat(value.charAt(17)).isNotEqualTo(ChineseIdNumber.checkCharacter(value.substring(0, 17)));
        }

        FormCheck check = applications.check(item("WJ-0001"), form, ZH);

        assertThat(check.errors()).containsExactly(new FieldError(field, message));
    }

    @Test
    void validIdNumbersCreditCodesAndPhonesPass() {
        Map<String, String> form = physician();
        form.put("idNumber", id("11010519491231002").toLowerCase(Locale.ROOT));
        form.put("newInstitutionCreditCode", creditCode("91350100M00010043".substring(0, 17)));
        form.put("phone", "+86 139-0000-1111");

        FormCheck check = applications.check(item("WJ-0001"), form, ZH);

        assertThat(check.errors()).isEmpty();
        assertThat(check.values().get("phone").asString()).isEqualTo("13900001111");
        assertThat(check.values().get("idNumber").asString()).isEqualTo(id("11010519491231002"));
    }

    @Test
    void typeErrorsOfDatesIntegersAndRowsAreNamedByTheirHtmlField() {
        Map<String, String> form = new HashMap<>();
        form.put("companyName", "重庆某某演艺有限公司");
        form.put("creditCode", CREDIT);
        form.put("showName", "山城之夜");
        form.put("startDate", "2026-02-30");
        form.put("endDate", "2026-12-01");
        form.put("venue", "九龙坡区文化馆");
        form.put("performanceCount", "三场");
        form.put("performers[0].name", "李四");
        form.put("performers[0].idNumber", ID);
        form.put("performers[4].name", "王五");
        form.put("performers[4].idNumber", "500107199001011235");
        form.put("performers[7].name", "");
        form.put("contactPhone", "13812345678");
        form.put("unknownField", "ignored");

        FormCheck check = applications.check(item("WL-0001"), form, ZH);

        assertThat(check.errors()).containsExactly(
                new FieldError("startDate", "请按“年-月-日”填写日期，例如 2026-11-28"),
                new FieldError("performanceCount", "请填写整数"),
                new FieldError("performers[4].idNumber", "身份证号码校验位不正确"));
        assertThat(check.values().has("unknownField")).isFalse();
        assertThat(check.values().get("performers")).hasSize(2);
    }

    @Test
    void requiredFieldsInsideRowsAndTooFewRowsAreReported() {
        Map<String, String> form = new HashMap<>();
        form.put("companyName", "重庆某某演艺有限公司");
        form.put("creditCode", CREDIT);
        form.put("showName", "山城之夜");
        form.put("startDate", "2026-12-01");
        form.put("endDate", "2026-12-02");
        form.put("venue", "九龙坡区文化馆");
        form.put("performanceCount", "3");
        form.put("performers[2].name", "李四");
        form.put("contactPhone", "13812345678");

        FormCheck check = applications.check(item("WL-0001"), form, ZH);

        assertThat(check.errors()).containsExactly(new FieldError("performers[2].idNumber", "此项必填"));
        assertThat(check.values().get("performanceCount").isIntegralNumber()).isTrue();
    }

    @Test
    void numbersBelowTheMinimumAndMissingGroupFieldsAreReported() {
        Map<String, String> form = new HashMap<>();
        form.put("proposedName", "重庆市九龙坡区某某协会");
        form.put("domicile.province", "重庆市");
        form.put("registeredFunds", "-1");
        form.put("founders[0].name", "张三");
        form.put("contactPhone", "13812345678");

        FormCheck check = applications.check(item("MZ-0001"), form, ZH);

        assertThat(check.errors()).containsExactly(new FieldError("domicile.city", "此项必填"),
                new FieldError("domicile.district", "此项必填"), new FieldError("domicile.detail", "此项必填"),
                new FieldError("registeredFunds", "不能小于 0"));
    }

    @Test
    void messagesAreEnglishForEnglish() {
        Map<String, String> form = physician();
        form.remove("physicianName");
        form.put("idNumber", "500107199001011235");
        form.put("changeItem", "ELSEWHERE");

        FormCheck check = applications.check(item("WJ-0001"), form, Locale.ENGLISH);

        assertThat(check.errors()).containsExactly(new FieldError("physicianName", "This field is required"),
                new FieldError("idNumber", "The ID number's check digit is wrong"),
                new FieldError("changeItem", "Choose one of the listed options"));
    }

    @Test
    void aMissingRequiredRepeatingGroupIsReportedUnderItsName() {
        Map<String, String> form = new HashMap<>(Map.of("proposedName", "A", "domicile.province", "重庆市",
                "domicile.city", "重庆市", "domicile.district", "九龙坡区", "domicile.detail", "杨家坪",
                "registeredFunds", "3.5", "founders[0].name", "", "contactPhone", "13812345678"));

        FormCheck check = applications.check(item("MZ-0001"), form, ZH);

        assertThat(check.errors()).extracting(FieldError::field).containsExactly("founders");
        assertThat(List.of(check.errors().get(0).message())).containsExactly("此项必填");
    }
}
