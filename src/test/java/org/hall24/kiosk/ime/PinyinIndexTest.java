package org.hall24.kiosk.ime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.hall24.kiosk.ime.PinyinIndex.Candidates;
import org.hall24.kiosk.ime.PinyinIndex.Choice;
import org.junit.jupiter.api.Test;

/**
 * The kiosk keyboard's pinyin index, built as at start-up from the keyboard's data files and the
 * seed catalog: common surnames and words come first, polyphones are found under each reading,
 * multi-syllable input offers words and then the first syllable's characters.
 */
class PinyinIndexTest {

    static final PinyinIndex index = PinyinIndexLoader.load("classpath:catalog");

    static List<String> texts(String pinyin, int limit) {
        return index.candidates(pinyin, 0, limit).choices().stream().map(Choice::text).toList();
    }

    @Test
    void commonSurnamesComeFirstForTheirSyllable() {
        assertThat(texts("zhang", 5)).contains("张");
        assertThat(texts("wang", 5)).contains("王");
        assertThat(texts("li", 5)).contains("李");
        assertThat(texts("chen", 5)).contains("陈");
        assertThat(texts("liu", 5)).contains("刘");
    }

    @Test
    void frequentCharactersComeBeforeRareOnes() {
        assertThat(texts("de", 3)).contains("的");
        assertThat(texts("shi", 5)).contains("是");
        assertThat(texts("san", 3)).contains("三");
        List<String> yi = texts("yi", 200);
        assertThat(yi.indexOf("一")).isLessThan(yi.indexOf("彝"));
    }

    @Test
    void knownWordsComeFirstForMultiSyllableInput() {
        Candidates yiyuan = index.candidates("yiyuan", 0, 10);
        assertThat(yiyuan.choices().get(0)).isEqualTo(new Choice("医院", "yiyuan"));
        assertThat(yiyuan.consumed()).isEqualTo("yiyuan");
        assertThat(texts("chongqing", 3)).startsWith("重庆");
        assertThat(texts("zhongyi", 3)).startsWith("中医");
        assertThat(texts("jiulongpo", 3)).startsWith("九龙坡");
        assertThat(texts("youxiangongsi", 3)).startsWith("有限公司");
    }

    @Test
    void afterTheWordsComeTheCharactersOfTheFirstSyllableWhichUseOnlyIt() {
        Candidates yiyuan = index.candidates("yiyuan", 0, 100);
        List<Choice> characters = yiyuan.choices().stream().filter(c -> c.text().length() == 1).toList();
        assertThat(characters).isNotEmpty().allSatisfy(c -> assertThat(c.consumed()).isEqualTo("yi"));
        assertThat(characters.stream().map(Choice::text)).contains("一", "医");
    }

    @Test
    void anUnknownPhraseOffersTheFirstSyllablesCharacters() {
        Candidates zhangsan = index.candidates("zhangsan", 0, 5);
        assertThat(zhangsan.choices()).extracting(Choice::text).contains("张");
        assertThat(zhangsan.choices()).filteredOn(c -> c.text().equals("张"))
                .singleElement().extracting(Choice::consumed).isEqualTo("zhang");
    }

    @Test
    void separatorsSplitSyllablesAndAreUsedUpWithThem() {
        assertThat(index.candidates("yi'yuan", 0, 1).choices()).containsExactly(new Choice("医院", "yi'yuan"));
        Candidates xian = index.candidates("xi'an", 0, 50);
        assertThat(xian.choices()).extracting(Choice::text).contains("西");
        assertThat(xian.choices()).filteredOn(c -> c.text().equals("西")).singleElement()
                .extracting(Choice::consumed).isEqualTo("xi'");
        assertThat(index.candidates("xian", 0, 50).choices()).extracting(Choice::text).contains("先", "县").doesNotContain("西");
    }

    @Test
    void polyphonesAreFoundUnderEachReading() {
        assertThat(texts("zhong", 400)).contains("重", "中");
        assertThat(texts("chong", 400)).contains("重");
        assertThat(texts("hang", 50)).contains("行");
        assertThat(texts("xing", 50)).contains("行");
        assertThat(texts("zhang", 100)).contains("长");
    }

    @Test
    void aWordIsOfferedWhileItsLastSyllableIsStillBeingTyped() {
        assertThat(texts("chongq", 3)).contains("重庆");
        Candidates zh = index.candidates("zh", 0, 10);
        assertThat(zh.choices()).isNotEmpty().allSatisfy(c -> assertThat(c.consumed()).isEqualTo("zh"));
        assertThat(zh.choices()).extracting(Choice::text).contains("中");
    }

    @Test
    void inputIsReadCaseInsensitively() {
        assertThat(texts("ZHANG", 5)).contains("张");
        assertThat(index.candidates("ZHANG", 0, 5).pinyin()).isEqualTo("zhang");
    }

    @Test
    void candidatesComeInPages() {
        Candidates first = index.candidates("yi", 0, 10);
        Candidates second = index.candidates("yi", 10, 10);
        assertThat(first.choices()).hasSize(10);
        assertThat(first.more()).isTrue();
        assertThat(second.offset()).isEqualTo(10);
        assertThat(second.choices()).hasSize(10).doesNotContainAnyElementsOf(first.choices());
        assertThat(first.total()).isEqualTo(second.total()).isGreaterThan(50);
        Candidates beyond = index.candidates("yi", 10_000, 10);
        assertThat(beyond.choices()).isEmpty();
        assertThat(beyond.more()).isFalse();
    }

    @Test
    void inputThatIsNoPinyinHasNoCandidates() {
        assertThat(index.candidates("iiii", 0, 10).choices()).isEmpty();
        assertThat(index.candidates("iiii", 0, 10).consumed()).isEmpty();
    }

    @Test
    void badInputIsRefused() {
        assertThat(PinyinIndex.refusal("zhang")).isNull();
        assertThat(PinyinIndex.refusal("yi'yuan")).isNull();
        assertThat(PinyinIndex.refusal("")).isNotNull();
        assertThat(PinyinIndex.refusal(null)).isNotNull();
        assertThat(PinyinIndex.refusal("zhang3")).isNotNull();
        assertThat(PinyinIndex.refusal("zhang san")).isNotNull();
        assertThat(PinyinIndex.refusal("张")).isNotNull();
        assertThat(PinyinIndex.refusal("'''")).isNotNull();
        assertThat(PinyinIndex.refusal("a".repeat(PinyinIndex.MAX_INPUT))).isNull();
        assertThat(PinyinIndex.refusal("a".repeat(PinyinIndex.MAX_INPUT + 1))).contains("longer");
        assertThatIllegalArgumentException().isThrownBy(() -> index.candidates("<script>", 0, 10));
    }

    @Test
    void theIndexCoversGb2312() {
        assertThat(index.summary()).startsWith(index.syllables().size() + " syllables, 6763 characters");
        assertThat(index.syllables()).contains("lv", "nv", "zhuang", "a", "e");
    }
}
