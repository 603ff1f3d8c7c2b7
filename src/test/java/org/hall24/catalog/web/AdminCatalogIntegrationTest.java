package org.hall24.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.Department;
import org.hall24.catalog.Fee;
import org.hall24.catalog.HandlingType;
import org.hall24.catalog.ItemChange;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.Material;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.Cookie;

/**
 * The admin catalog pages against the real catalog on a real PostgreSQL. Every test works on items
 * it creates under free codes of an existing department, so it depends on no other test's data.
 */
@Hall24IntegrationTest
@AutoConfigureMockMvc
class AdminCatalogIntegrationTest {

    private static final String EDITOR = "catalog-editor";
    private static final RequestPostProcessor ADMIN = user(EDITOR).roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    private String department;
    private String category;

    @BeforeEach
    void pickDepartmentAndCategory() {
        department = catalog.departments().stream()
                .map(Department::code)
                .filter(code -> code.matches("[A-Z]{2,4}"))
                .findFirst().orElseThrow();
        category = catalog.categories().get(0).code();
    }

    @Test
    void listShowsItemsWithSearchAndANewItemButton() throws Exception {
        String code = freeCode();
        ServiceItem item = publish(code, chineseName("后台列表测试", code));

        String page = html(mvc.perform(get("/admin/catalog").param("q", item.name().zh()).with(ADMIN))
                .andExpect(status().isOk()).andReturn());

        assertThat(page).contains("id=\"item-" + item.code() + "\"", "/admin/catalog/" + item.code(),
                "id=\"new-item\"", "在用", "全市通办");
        assertThat(page).contains(item.name().zh());
    }

    @Test
    void newItemFormOffersTwoBlankMaterialAndFeeRowsAndOnlyItemHandlingDeviceTypes() throws Exception {
        String page = html(mvc.perform(get("/admin/catalog/new").with(ADMIN)).andExpect(status().isOk()).andReturn());

        assertThat(page).contains("name=\"materials[1].nameZh\"", "name=\"fees[1].amountYuan\"", "即办件", "承诺件",
                "智能文件柜领取", "原件", "复印件", "纸质", "电子", "政务服务自助机");
        assertThat(page).doesNotContain("name=\"materials[2].nameZh\"", "value=\"FILE_CABINET\"");
    }

    @Test
    void creatingAValidItemPublishesVersionOneIgnoringBlankRowsAndShowsTheSavedNotice() throws Exception {
        String code = freeCode();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("materials[0].nameZh", "居民身份证");
        fields.put("materials[0].nameEn", "ID card");
        fields.put("materials[0].kind", "ORIGINAL");
        fields.put("materials[0].medium", "ELECTRONIC");
        fields.put("materials[0].required", "true");
        fields.put("_materials[0].required", "on");
        fields.put("materials[1].nameZh", "");
        fields.put("materials[1].nameEn", "");
        fields.put("materials[1].kind", "ORIGINAL");
        fields.put("materials[1].medium", "PAPER");
        fields.put("_materials[1].required", "on");
        fields.put("fees[0].nameZh", "工本费");
        fields.put("fees[0].nameEn", "Card fee");
        fields.put("fees[0].amountYuan", "20.00");
        fields.put("fees[1].nameZh", "");
        fields.put("fees[1].nameEn", "");
        fields.put("fees[1].amountYuan", "");
        fields.put("keywords", "后台, 测试、新建");

        MvcResult result = mvc.perform(newForm(code, "后台新建测试", fields).with(ADMIN).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/catalog/" + code))
                .andReturn();

        ServiceItem saved = catalog.item(code).orElseThrow();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.materials()).containsExactly(new Material(new LocalizedText("居民身份证", "ID card"),
                Material.Kind.ORIGINAL, Material.Medium.ELECTRONIC, true));
        assertThat(saved.fees()).containsExactly(new Fee(new LocalizedText("工本费", "Card fee"), new BigDecimal("20.00")));
        assertThat(saved.keywords()).containsExactly("后台", "测试", "新建");
        assertThat(catalog.history(code)).singleElement()
                .satisfies(change -> assertThat(change.actor()).isEqualTo(EDITOR));

        String page = html(mvc.perform(get("/admin/catalog/" + code).with(ADMIN)
                .flashAttrs(result.getFlashMap())).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("已保存，现为第 1 版。");
    }

    @Test
    void invalidNewItemIsShownAgainWithEachMessageBesideItsFieldAndNothingIsSaved() throws Exception {
        String code = freeCode();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("legalDays", "abc");
        fields.put("promisedDays", "3");
        fields.put("handlingType", "PROMISED");
        fields.put("deliveryMethods", "MAIL");
        fields.put("materials[0].nameZh", "户口簿");
        fields.put("materials[0].nameEn", "");
        fields.put("materials[0].kind", "ORIGINAL");
        fields.put("materials[0].medium", "PAPER");
        fields.put("fees[0].nameZh", "工本费");
        fields.put("fees[0].nameEn", "Fee");
        fields.put("fees[0].amountYuan", "1.234");
        fields.put("formSchema", "{\"type\": \"object\",");

        String page = html(mvc.perform(newForm(code, "", fields).with(ADMIN).with(csrf()))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(fieldError(page, "nameZh")).isEqualTo("必填");
        assertThat(fieldError(page, "legalDays")).isEqualTo("须为整数");
        assertThat(fieldError(page, "materials[0].nameEn")).isEqualTo("必填");
        assertThat(fieldError(page, "fees[0].amountYuan")).isEqualTo("须为不小于 0 的金额（元），最多两位小数");
        assertThat(fieldError(page, "formSchema")).startsWith("不是有效的 JSON");
        assertThat(page).contains("id=\"error-summary\"", "未保存任何修改", "value=\"abc\"", "value=\"户口簿\"");
        assertThat(catalog.item(code)).isEmpty();
    }

    @Test
    void catalogRulesAreShownBesideTheFieldsInTheChosenLanguage() throws Exception {
        String code = freeCode();

        String page = html(mvc.perform(newForm(code, "后台规则测试",
                        Map.of("handlingType", "PROMISED", "legalDays", "5", "promisedDays", "9", "deviceTypes", ""))
                        .with(ADMIN).with(csrf()).cookie(new Cookie("hall24-lang", "en")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(fieldError(page, "promisedDays")).isEqualTo("must be from 0 up to the legal time limit");
        assertThat(fieldError(page, "deviceTypes")).isEqualTo("choose at least one device type");
        assertThat(fieldError(page, "deliveryMethods")).isEqualTo("choose at least one way to deliver the result");
        assertThat(catalog.item(code)).isEmpty();
    }

    @Test
    void creatingAnItemUnderATakenCodeShowsTheCodeTakenMessageAndChangesNothing() throws Exception {
        ServiceItem existing = publish(freeCode(), "后台占用编码");

        String page = html(mvc.perform(newForm(existing.code(), "后台另一个事项", Map.of()).with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn());

        assertThat(fieldError(page, "code")).isEqualTo("事项 " + existing.code() + " 已存在");
        assertThat(catalog.item(existing.code()).orElseThrow().name()).isEqualTo(existing.name());
        assertThat(catalog.history(existing.code())).hasSize(1);
    }

    @Test
    void validEditBySignedInAdminPublishesTheNextVersionRecordsWhoAndWhatAndTheGuideFindsItAtOnce() throws Exception {
        MockHttpSession admin = signInAsBootstrapAdmin();
        ServiceItem item = publish(freeCode(), "后台编辑前");
        String newName = chineseName("后台编辑后", item.code());

        MvcResult result = mvc.perform(editForm(item, Map.of("nameZh", newName, "legalDays", "3"))
                        .session(admin).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/catalog/" + item.code()))
                .andReturn();

        ServiceItem saved = catalog.item(item.code()).orElseThrow();
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.name().zh()).isEqualTo(newName);
        assertThat(catalog.search(ItemQuery.text(newName, 10)).items()).extracting(ServiceItem::code)
                .contains(item.code());
        ItemChange change = catalog.history(item.code()).get(0);
        assertThat(change.version()).isEqualTo(2);
        assertThat(change.actor()).isEqualTo("admin");
        assertThat(change.changedFields()).contains("name", "legalDays")
                .doesNotContain("category", "department", "handlingType", "scope", "deviceTypes", "keywords");

        String page = html(mvc.perform(get("/admin/catalog/" + item.code()).session(admin)
                .flashAttrs(result.getFlashMap())).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("已保存，现为第 2 版。");
        String history = between(page, "id=\"history-2\"", "</tr>");
        assertThat(history).contains("<span class=\"actor\">admin</span>", "data-field=\"name\"", "事项名称", "data-field=\"legalDays\"");
    }

    @Test
    void editBasedOnAStaleVersionShowsTheStaleMessageAndSavesNothing() throws Exception {
        ServiceItem item = publish(freeCode(), "后台并发编辑");
        catalog.publish(withName(item, "后台他人先改"), 1, "someone-else");

        String page = html(mvc.perform(editForm(item, Map.of("nameZh", "后台我的修改")).with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page).contains("此事项已被他人修改（现为第 2 版）", "value=\"后台我的修改\"");
        ServiceItem current = catalog.item(item.code()).orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.name().zh()).isEqualTo("后台他人先改");
        assertThat(catalog.history(item.code())).hasSize(2);
    }

    @Test
    void retireHidesTheItemFromTheDefaultSearchAndReinstateBringsItBack() throws Exception {
        String code = freeCode();
        ServiceItem item = publish(code, chineseName("后台停用测试", code));
        String name = item.name().zh();

        mvc.perform(post("/admin/catalog/" + item.code() + "/retire").with(ADMIN).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/catalog/" + item.code()));

        assertThat(catalog.item(item.code()).orElseThrow().retired()).isTrue();
        assertThat(codes(ItemQuery.text(name, 50))).doesNotContain(item.code());
        assertThat(codes(new ItemQuery(name, null, null, null, Set.of(), true, 0, 50))).contains(item.code());
        String list = html(mvc.perform(get("/admin/catalog").param("q", name).param("retired", "true").with(ADMIN))
                .andExpect(status().isOk()).andReturn());
        assertThat(between(list, "id=\"item-" + item.code() + "\"", "</tr>")).contains("已停用");
        assertThat(catalog.history(item.code()).get(0).changedFields()).containsExactly("retired");

        mvc.perform(post("/admin/catalog/" + item.code() + "/reinstate").with(ADMIN).with(csrf()))
                .andExpect(status().isFound());
        assertThat(codes(ItemQuery.text(name, 50))).contains(item.code());
    }

    @Test
    void unknownItemIsNotFound() throws Exception {
        mvc.perform(get("/admin/catalog/" + freeCode()).with(ADMIN)).andExpect(status().isNotFound());
    }

    /** Signs in through the sign-in form as the administrator the first start created. */
    private MockHttpSession signInAsBootstrapAdmin() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user("admin").password("test-admin-password"))
                .andExpect(authenticated())
                .andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private List<String> codes(ItemQuery query) {
        return catalog.search(query).items().stream().map(ServiceItem::code).toList();
    }

    /** A code of the chosen department that no item uses yet. */
    private String freeCode() {
        return IntStream.rangeClosed(9000, 9999)
                .mapToObj(n -> department + "-" + n)
                .filter(code -> catalog.item(code).isEmpty())
                .findFirst().orElseThrow();
    }

    private ServiceItem publish(String code, String nameZh) {
        return catalog.publish(new ServiceItem(code, 1, new LocalizedText(nameZh, "Admin test " + code), category,
                department, HandlingType.INSTANT, 0, 0, Scope.CITYWIDE, List.of(), List.of(), Set.of(DeviceType.GOV_KIOSK),
                false, Set.of(), List.of("后台测试"), null, false), null, "test-setup");
    }

    private static ServiceItem withName(ServiceItem item, String nameZh) {
        return new ServiceItem(item.code(), item.version(), new LocalizedText(nameZh, item.name().en()), item.category(),
                item.department(), item.handlingType(), item.legalDays(), item.promisedDays(), item.scope(),
                item.materials(), item.fees(), item.deviceTypes(), item.paperDeposit(), item.deliveryMethods(),
                item.keywords(), item.form(), item.retired());
    }

    /** The fields of a valid new instant item as the browser posts them, with the given fields changed. */
    private MockHttpServletRequestBuilder newForm(String code, String nameZh, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("nameZh", nameZh);
        fields.put("nameEn", "Admin test " + code);
        fields.put("category", category);
        fields.put("department", department);
        fields.put("handlingType", "INSTANT");
        fields.put("legalDays", "0");
        fields.put("promisedDays", "0");
        fields.put("scope", "CITYWIDE");
        fields.put("deviceTypes", "GOV_KIOSK");
        fields.put("_deviceTypes", "on");
        fields.put("_paperDeposit", "on");
        fields.put("_deliveryMethods", "on");
        fields.put("keywords", "后台测试");
        fields.put("formSchema", "");
        fields.putAll(changes);
        var request = post("/admin/catalog");
        fields.forEach(request::param);
        return request;
    }

    /** A Chinese name unique to the code: search matches Chinese names on Chinese text. */
    private static String chineseName(String prefix, String code) {
        StringBuilder name = new StringBuilder(prefix);
        code.substring(code.indexOf('-') + 1).chars().forEach(c -> name.append("零一二三四五六七八九".charAt(c - '0')));
        return name.toString();
    }

    /** The edit form of an item as the page shows it, with the given fields changed. */
    private MockHttpServletRequestBuilder editForm(ServiceItem item, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", String.valueOf(item.version()));
        fields.put("nameZh", item.name().zh());
        fields.put("nameEn", item.name().en());
        fields.put("category", item.category());
        fields.put("department", item.department());
        fields.put("handlingType", item.handlingType().name());
        fields.put("legalDays", String.valueOf(item.legalDays()));
        fields.put("promisedDays", String.valueOf(item.promisedDays()));
        fields.put("scope", item.scope().name());
        fields.put("keywords", String.join(", ", item.keywords()));
        fields.put("formSchema", "");
        fields.put("_deviceTypes", "on");
        fields.put("_paperDeposit", "on");
        fields.put("_deliveryMethods", "on");
        fields.putAll(changes);
        var request = post("/admin/catalog/" + item.code());
        fields.forEach(request::param);
        item.deviceTypes().forEach(t -> request.param("deviceTypes", t.name()));
        return request;
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** The message shown beside a form field, unescaped. */
    private static String fieldError(String page, String field) {
        Matcher m = Pattern.compile("id=\"error-" + Pattern.quote(field) + "\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a message beside %s", field).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1)).strip();
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as("%s in the page", start).isGreaterThanOrEqualTo(0);
        return page.substring(from, page.indexOf(end, from));
    }
}
