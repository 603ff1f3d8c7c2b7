package org.hall24.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Search over the shipped catalog the way visitors type: Chinese words, pinyin initials, full
 * pinyin, a mix of both, English words and item codes.
 */
class CatalogSearchTest {

    static SearchIndex index;

    @BeforeAll
    static void index() {
        var contents = CatalogFileLoader.readChecked("classpath:catalog", CatalogFilesTest.messagesForTests());
        List<ServiceItem> items = contents.departments().stream().flatMap(d -> d.items().stream()).toList();
        index = new SearchIndex(items, contents.categories(), contents.departments().stream().map(d -> d.department()).toList());
    }

    static List<String> top(String text, int n) {
        return index.search(ItemQuery.text(text, n)).items().stream().map(i -> i.name().zh()).toList();
    }

    /**
     * Each query's first result must contain the expected text in its Chinese name; where a
     * second expectation is given, every one of the top three must contain it.
     */
    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            身份证          | 身份证       | 身份证
            sfz             | 身份证       | 身份证
            shenfenzheng    | 身份证       | 身份证
            shenfz          | 身份证       | 身份证
            补办身份证      | 居民身份证补领 |
            驾驶证          | 驾驶证       | 驾驶证
            jsz             | 驾驶证       | 驾驶证
            jiashizheng     | 驾驶证       | 驾驶证
            驾照            | 驾驶证       | 驾驶证
            公积金          | 公积金       | 公积金
            gjj             | 公积金       | 公积金
            gongjijin       | 公积金       | 公积金
            发票            | 发票         | 发票
            fapiao          | 发票         | 发票
            代开发票        | 代开         | 代开
            社保            | 社会保险     |
            sb              | 社会保险     |
            医保            | 医保         |
            不动产          | 不动产       | 不动产
            bdc             | 不动产       | 不动产
            budongchan      | 不动产       | 不动产
            签注            | 签注         | 签注
            qianzhu         | 签注         | 签注
            违章            | 交通违法     |
            体检            | 驾驶人       | 驾驶人
            变更医师        | 变更医师执业注册 |
            执业注册        | 执业注册     | 执业注册
            yishi           | 医师         | 医师
            护士            | 护士         | 护士
            出版物          | 出版物       | 出版物
            民办学校        | 民办学校     | 民办学校
            社会团体        | 社会团体     | 社会团体
            医疗器械        | 医疗器械     | 医疗器械
            特种设备        | 特种设备     | 特种设备
            危险化学品      | 危险化学品   | 危险化学品
            演出            | 演出         | 演出
            卫生许可        | 卫生许可     | 卫生许可
            户籍            | 户籍         |
            体育            | 体育         | 体育
            driving licence | 驾驶证       | 驾驶证
            ID card         | 身份证       | 身份证
            housing fund    | 公积金       | 公积金
            invoice         | 发票         | 发票
            WJ-0001         | 变更医师执业注册 |
            wj-0001         | 变更医师执业注册 |
            """)
    void findsWhatVisitorsType(String query, String first, String topThree) {
        List<String> top = top(query, 3);

        assertThat(top).as("results for %s", query).isNotEmpty();
        assertThat(top.get(0)).as("first result for %s", query).contains(first);
        if (topThree != null) {
            assertThat(top).as("top three for %s", query).allSatisfy(name -> assertThat(name).contains(topThree));
        }
    }

    @Test
    void pinyinInitialsAndChineseFindTheSameIdCardItems() {
        assertThat(top("sfz", 20)).containsExactlyInAnyOrderElementsOf(top("身份证", 20));
    }

    @Test
    void polyphonicCharactersMatchEitherReading() {
        assertThat(Pinyin.match(Pinyin.readings("重庆"), "chongqing")).isZero();
        assertThat(Pinyin.match(Pinyin.readings("重庆"), "zhongqing")).isZero();
        assertThat(Pinyin.match(Pinyin.readings("银行"), "yinhang")).isZero();
    }

    @Test
    void initialsSpellAWholeKeywordOnlyWhenEveryCharacterIsUsed() {
        assertThat(Pinyin.spells(Pinyin.readings("社保"), "sb")).isTrue();
        assertThat(Pinyin.spells(Pinyin.readings("社保"), "shebao")).isTrue();
        assertThat(Pinyin.spells(Pinyin.readings("社保卡"), "sb")).isFalse();
    }

    @Test
    void nonsenseFindsNothing() {
        assertThat(index.search(ItemQuery.text("xqzxqz", 10)).total()).isZero();
        assertThat(index.search(ItemQuery.text("火星护照", 10)).total()).isZero();
    }

    @Test
    void severalWordsMustAllMatch() {
        assertThat(top("驾驶证 补领", 5)).isNotEmpty().allSatisfy(name -> assertThat(name).contains("驾驶证").contains("补"));
    }

    @Test
    void filtersCombineWithText() {
        ItemPage page = index.search(new ItemQuery("查询", null, null, Scope.NATIONWIDE, Set.of(), false, 0, 50));

        assertThat(page.items()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.scope()).isEqualTo(Scope.NATIONWIDE);
            assertThat(i.name().zh()).contains("查询");
        });
    }

    @Test
    void aDeviceTypeFilterKeepsOnlyItemsThatDeviceHandles() {
        ItemPage page = index.search(new ItemQuery(null, null, null, null, Set.of(DeviceType.TAX_KIOSK), false, 0, 200));

        assertThat(page.items()).isNotEmpty().allSatisfy(i -> assertThat(i.deviceTypes()).contains(DeviceType.TAX_KIOSK));
    }

    @Test
    void pagesSplitTheResultsWithoutLosingAny() {
        ItemPage first = index.search(new ItemQuery(null, null, null, null, Set.of(), false, 0, 100));
        ItemPage second = index.search(new ItemQuery(null, null, null, null, Set.of(), false, 1, 100));
        ItemPage third = index.search(new ItemQuery(null, null, null, null, Set.of(), false, 2, 100));

        assertThat(first.total()).isEqualTo(207);
        assertThat(first.items().size() + second.items().size() + third.items().size()).isEqualTo(207);
        assertThat(third.hasNext()).isFalse();
    }
}
