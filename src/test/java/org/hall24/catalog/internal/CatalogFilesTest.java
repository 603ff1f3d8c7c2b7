package org.hall24.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The catalog's data files: the seed's figures hold, and a broken file is refused with the file,
 * the item code and the field named.
 */
class CatalogFilesTest {

    static ResourceBundleMessageSource messages;

    @BeforeAll
    static void messages() {
        messages = messagesForTests();
    }

    static ResourceBundleMessageSource messagesForTests() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/catalog");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static List<ServiceItem> shippedItems() {
        return CatalogFileLoader.readChecked("classpath:catalog", messages).departments().stream()
                .flatMap(d -> d.items().stream()).toList();
    }

    @Test
    void theFirstBatchHas207ItemsOfWhich6NationwideAnd56CityWide() {
        List<ServiceItem> items = shippedItems();
        Map<Scope, Long> byScope = items.stream().collect(Collectors.groupingBy(ServiceItem::scope, Collectors.counting()));

        assertThat(items).hasSize(207);
        assertThat(byScope).containsEntry(Scope.NATIONWIDE, 6L).containsEntry(Scope.CITYWIDE, 56L)
                .containsEntry(Scope.LOCAL, 145L);
    }

    @Test
    void everyAreaTheSeedNamesIsACategoryWithItems() {
        var contents = CatalogFileLoader.readChecked("classpath:catalog", messages);
        Map<String, Long> perCategory = contents.departments().stream().flatMap(d -> d.items().stream())
                .collect(Collectors.groupingBy(ServiceItem::category, Collectors.counting()));

        assertThat(contents.categories()).extracting(c -> c.name().zh()).containsExactly(
                "身份证明", "车管体检", "旅游签注", "违章处理", "驾驶证", "税票申领", "文艺演出", "危化经营", "医疗机构",
                "卫生许可", "医师护士", "出版物零售", "民办教育", "民非社团", "体育经营", "医疗器械", "特种设备",
                "不动产预约查询打印", "医保社保预约查询打印", "公积金查询");
        assertThat(contents.categories()).allSatisfy(c -> assertThat(perCategory.get(c.code())).as(c.code()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void theSeedsExampleItemIsAFormItemAtTheGovernmentKiosk() {
        ServiceItem physician = shippedItems().stream().filter(i -> i.name().zh().equals("变更医师执业注册")).findFirst().orElseThrow();

        assertThat(physician.hasForm()).isTrue();
        assertThat(physician.deviceTypes()).contains(org.hall24.device.DeviceType.GOV_KIOSK);
    }

    @Test
    void itemCodesAreUniqueAcrossFiles() {
        List<ServiceItem> items = shippedItems();

        assertThat(items.stream().collect(Collectors.toMap(ServiceItem::code, Function.identity(), (a, b) -> a))).hasSize(items.size());
    }

    // ---------------------------------------------------------------- broken files

    static final String CATEGORIES = """
            categories:
              - code: identity-certificate
                name: {zh: 身份证明, en: Identity certificates}
            """;

    static final String ITEM = """
            department:
              code: GA
              name: {zh: 公安分局, en: Public security}
            items:
              - code: GA-0001
                version: 1
                name: {zh: 居民身份证补领, en: Re-issue of ID card}
                category: identity-certificate
                handlingType: PROMISED
                legalDays: 60
                promisedDays: 7
                scope: CITYWIDE
                materials:
                  - name: {zh: 户口簿, en: Household register}
                    kind: COPY
                    medium: PAPER
                    required: true
                fees: [{name: {zh: 工本费, en: Fee}, amountYuan: 20.00}]
                deviceTypes: [POLICE_KIOSK]
                paperDeposit: true
                deliveryMethods: [MAIL, COUNTER]
                keywords: [身份证]
                form:
                  type: object
                  required: [reason]
                  properties:
                    reason: {type: string, title: 补领原因, x-title-en: Reason, maxLength: 100}
            """;

    @TempDir
    Path dir;

    private String write(String categories, String items) throws IOException {
        Files.createDirectories(dir.resolve("items"));
        Files.writeString(dir.resolve("categories.yaml"), categories);
        Files.writeString(dir.resolve("items/ga.yaml"), items);
        return "file:" + dir.toAbsolutePath();
    }

    @Test
    void aValidFileLoads() throws IOException {
        var contents = CatalogFileLoader.readChecked(write(CATEGORIES, ITEM), messages);

        assertThat(contents.departments()).singleElement().satisfies(d -> assertThat(d.items()).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field          | '    legalDays: 60'         | '    legalDays: 60\\n    colour: red' | item GA-0001, field colour: unknown field 'colour'
            missing field          | '    legalDays: 60\\n'      | ''                                   | item GA-0001, field legalDays: is required
            wrong enum value       | 'scope: CITYWIDE'            | 'scope: WORLD'                       | item GA-0001, field scope
            not a number           | 'legalDays: 60'              | 'legalDays: sixty'                   | item GA-0001, field legalDays
            promised over legal    | 'promisedDays: 7'            | 'promisedDays: 70'                   | item GA-0001, field promisedDays: must be from 0 up to the legal time limit
            unknown category       | 'category: identity-certificate' | 'category: nope'                 | item GA-0001, field category: no category nope
            code of other dept     | 'code: GA-0001'              | 'code: SW-0001'                      | item SW-0001, field code: must start with the department code GA
            cabinet as device      | '[POLICE_KIOSK]'             | '[FILE_CABINET]'                     | item GA-0001, field deviceTypes: FILE_CABINET handles no item by itself
            negative fee           | 'amountYuan: 20.00'          | 'amountYuan: -1'                     | item GA-0001, field fees[0].amountYuan
            missing English name   | ', en: Re-issue of ID card'  | ''                                   | item GA-0001, field name.en: is required
            form field no title    | 'title: 补领原因, x-title-en: Reason, ' | ''                        | item GA-0001, field form.properties.reason: each property needs a Chinese "title"
            form not a schema      | 'type: string, title'        | 'type: strang, title'                | item GA-0001, field form: is not a valid JSON Schema
            required unknown       | 'required: [reason]'         | 'required: [reason, age]'            | item GA-0001, field form.required: lists a required property age
            paper without paper    | 'medium: PAPER'              | 'medium: ELECTRONIC'                 | item GA-0001, field paperDeposit
            """)
    void aBrokenItemStopsLoadingNamingFileItemAndField(String problem, String replace, String with, String expected)
            throws IOException {
        String broken = ITEM.replace(replace.replace("\\n", "\n"), with.replace("\\n", "\n"));
        assertThat(broken).as("the test case must change the file").isNotEqualTo(ITEM);
        String location = write(CATEGORIES, broken);

        assertThatThrownBy(() -> CatalogFileLoader.readChecked(location, messages))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageStartingWith("Catalog file " + location + "/items/ga.yaml")
                .hasMessageContaining(expected);
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        String location = write(CATEGORIES, ITEM.replace("scope: CITYWIDE", "scope: [CITYWIDE"));

        assertThatThrownBy(() -> CatalogFileLoader.readChecked(location, messages))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageStartingWith("Catalog file " + location + "/items/ga.yaml")
                .hasMessageContaining("line ");
    }

    @Test
    void aDuplicateCodeNamesBothFiles() throws IOException {
        String location = write(CATEGORIES, ITEM);
        Files.writeString(dir.resolve("items/gb.yaml"), ITEM.replace("code: GA\n", "code: GB\n"));

        assertThatThrownBy(() -> CatalogFileLoader.readChecked(location, messages))
                .isInstanceOf(CatalogFileException.class)
                .hasMessage("Catalog file " + location + "/items/gb.yaml, item GA-0001, field code: duplicate code, first defined in "
                        + location + "/items/ga.yaml");
    }

    @Test
    void aMissingCategoriesFileIsNamed() throws IOException {
        write(CATEGORIES, ITEM);
        Files.delete(dir.resolve("categories.yaml"));
        String location = "file:" + dir.toAbsolutePath();

        assertThatThrownBy(() -> CatalogFileLoader.readChecked(location, messages))
                .hasMessage("Catalog file " + location + "/categories.yaml: file not found");
    }
}
