package org.hall24.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@Hall24IntegrationTest
@AutoConfigureMockMvc
class ApiItemsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Catalog catalog;

    /** Every current item, by code, read through the catalog API page by page. */
    private List<ServiceItem> currentItems() {
        List<ServiceItem> all = new ArrayList<>();
        ItemPage page;
        int number = 0;
        do {
            page = catalog.search(new ItemQuery(null, null, null, null, Set.of(), false, number++, ItemQuery.MAX_SIZE));
            all.addAll(page.items());
        } while (page.hasNext());
        return all;
    }

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange();
    }

    @Test
    void itemsWithoutFiltersAreTheFirstTwentyCurrentItemsByCode() {
        List<ServiceItem> items = currentItems();
        assertThat(items).isNotEmpty();

        MvcTestResult result = get("/api/v1/items");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo(items.size());
        assertThat(result).bodyJson().extractingPath("$.size").asNumber().isEqualTo(20);
        assertThat(result).bodyJson().extractingPath("$.page").asNumber().isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.totalPages").asNumber().isEqualTo((items.size() + 19) / 20);
        assertThat(result).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactlyElementsOf(items.stream().limit(20).map(ServiceItem::code).toList());
    }

    @Test
    void scopeFilterReturnsOnlyItemsOfThatScopeAndCountsThemAll() {
        long nationwide = currentItems().stream().filter(i -> i.scope() == Scope.NATIONWIDE).count();
        assertThat(nationwide).isPositive();

        MvcTestResult result = get("/api/v1/items?scope=NATIONWIDE&size=100");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo((int) nationwide);
        assertThat(result).bodyJson().extractingPath("$.items[*].scope").asArray()
                .hasSize((int) Math.min(nationwide, 100)).containsOnly("NATIONWIDE");
    }

    @Test
    void deviceTypeFilterReturnsOnlyItemsThatDeviceTypeHandles() {
        long police = currentItems().stream().filter(i -> i.handledOn(DeviceType.POLICE_KIOSK)).count();
        assertThat(police).isPositive();

        MvcTestResult result = get("/api/v1/items?deviceType=POLICE_KIOSK&size=100");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo((int) police);
        assertThat(result).bodyJson().extractingPath("$.items[*].deviceTypes").asArray()
                .hasSize((int) Math.min(police, 100))
                .allSatisfy(types -> assertThat(types).asInstanceOf(InstanceOfAssertFactories.LIST).contains("POLICE_KIOSK"));
    }

    @Test
    void categoryFilterReturnsOnlyItemsOfThatCategory() {
        String category = currentItems().get(0).category();
        long inCategory = currentItems().stream().filter(i -> i.category().equals(category)).count();

        MvcTestResult result = get("/api/v1/items?size=100&category=" + category);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo((int) inCategory);
        assertThat(result).bodyJson().extractingPath("$.items[*].category").asArray().containsOnly(category);
    }

    @Test
    void departmentFilterReturnsOnlyItemsOfThatDepartment() {
        String department = currentItems().get(0).department();
        long ofDepartment = currentItems().stream().filter(i -> i.department().equals(department)).count();

        MvcTestResult result = get("/api/v1/items?size=100&department=" + department);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo((int) ofDepartment);
        assertThat(result).bodyJson().extractingPath("$.items[*].department").asArray().containsOnly(department);
    }

    @Test
    void filtersCombineSoEveryItemMatchesAllOfThem() {
        long both = currentItems().stream()
                .filter(i -> i.scope() == Scope.CITYWIDE && i.handledOn(DeviceType.POLICE_KIOSK))
                .count();

        MvcTestResult result = get("/api/v1/items?scope=CITYWIDE&deviceType=POLICE_KIOSK&size=100");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo((int) both);
        assertThat(result).bodyJson().extractingPath("$.items[*].scope").asArray().containsOnly("CITYWIDE");
    }

    @Test
    void textSearchPutsAnItemNamedWithTheTextFirst() {
        MvcTestResult result = mvc.get().uri("/api/v1/items").param("q", "驾驶证").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isNotEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.items[0].name.zh").asString().contains("驾驶证");
    }

    @Test
    void secondPageOfFiveHoldsTheSixthToTenthItemsAndTheFullTotal() {
        List<ServiceItem> items = currentItems();

        MvcTestResult result = get("/api/v1/items?page=1&size=5");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo(items.size());
        assertThat(result).bodyJson().extractingPath("$.page").asNumber().isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.size").asNumber().isEqualTo(5);
        assertThat(result).bodyJson().extractingPath("$.items[*].code").asArray()
                .containsExactlyElementsOf(items.subList(5, 10).stream().map(ServiceItem::code).toList());
    }

    @Test
    void pageBeyondTheEndIsEmptyButStillCountsTheMatches() {
        int total = currentItems().size();

        MvcTestResult result = get("/api/v1/items?size=10&page=" + (total / 10 + 5));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.total").asNumber().isEqualTo(total);
    }

    @ParameterizedTest(name = "?{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            page=-1          | page
            page=x           | page
            size=0           | size
            size=1000        | size
            size=abc         | size
            scope=WORLD      | scope
            deviceType=TOASTER | deviceType
            category=nope    | category
            department=nope  | department
            scpoe=LOCAL      | scpoe
            lang=en          | lang
            page=1&page=2    | page
            """)
    void badParameterIsRefusedAsProblemNamingIt(String query, String parameter) {
        MvcTestResult result = get("/api/v1/items?" + query);

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(400);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly(parameter);
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").asString().isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(parameter);
    }

    @Test
    void textLongerThanOneHundredCharactersIsRefused() {
        MvcTestResult result = mvc.get().uri("/api/v1/items").param("q", "驾".repeat(101)).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly("q");
    }

    @Test
    void everyBadParameterIsNamedNotJustTheFirst() {
        MvcTestResult result = get("/api/v1/items?page=-1&scope=WORLD&size=abc&colour=red");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray()
                .containsExactlyInAnyOrder("page", "scope", "size", "colour");
        assertThat(result).bodyJson().extractingPath("$.detail").asString()
                .contains("page", "scope", "size", "colour");
    }

    @Test
    void oneItemIsItsCurrentVersion() {
        ServiceItem item = currentItems().get(0);

        MvcTestResult result = get("/api/v1/items/" + item.code());

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(item.code());
        assertThat(result).bodyJson().extractingPath("$.version").asNumber().isEqualTo(item.version());
        assertThat(result).bodyJson().extractingPath("$.name.zh").isEqualTo(item.name().zh());
        assertThat(result).bodyJson().extractingPath("$.name.en").isEqualTo(item.name().en());
    }

    @Test
    void unknownItemIsNotFoundAsProblem() {
        MvcTestResult result = get("/api/v1/items/NOPE-9999");

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("NOPE-9999");
    }

    @Test
    void firstVersionOfAnItemIsServed() {
        String code = currentItems().get(0).code();

        MvcTestResult result = get("/api/v1/items/" + code + "/versions/1");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
        assertThat(result).bodyJson().extractingPath("$.version").asNumber().isEqualTo(1);
    }

    @ParameterizedTest(name = "version {0} is refused")
    @CsvSource({"0", "-3", "abc", "1.5"})
    void versionThatIsNotAPositiveIntegerIsRefusedNamingVersion(String version) {
        MvcTestResult result = get("/api/v1/items/" + currentItems().get(0).code() + "/versions/" + version);

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly("version");
    }

    @Test
    void versionThatWasNeverPublishedIsNotFound() {
        MvcTestResult result = get("/api/v1/items/" + currentItems().get(0).code() + "/versions/9999");

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void categoriesAreTheCatalogsCategories() {
        MvcTestResult result = get("/api/v1/categories");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$[*].code").asArray()
                .containsExactlyElementsOf(catalog.categories().stream().map(c -> c.code()).toList());
    }

    @Test
    void departmentsAreTheCatalogsDepartments() {
        MvcTestResult result = get("/api/v1/departments");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$[*].code").asArray()
                .containsExactlyElementsOf(catalog.departments().stream().map(d -> d.code()).toList());
    }

    @Test
    void unknownPathUnderTheApiIsNotFoundAsProblem() {
        MvcTestResult result = get("/api/v1/nothing-here");

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
