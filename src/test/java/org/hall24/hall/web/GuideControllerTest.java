package org.hall24.hall.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.regex.Pattern;

import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.hall24.catalog.Category;
import org.hall24.catalog.Department;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lobby guide's pages as a visitor's browser receives them, without logging in.
 */
@Hall24IntegrationTest
class GuideControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    /** Matches a text in which {@code part} occurs exactly {@code times} times. */
    static Matcher<String> occurs(String part, int times) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String text) {
                return text.split(Pattern.quote(part), -1).length - 1 == times;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(times + " occurrences of ").appendValue(part);
            }
        };
    }

    @Test
    void theGuideOpensOnTheDefaultHall() throws Exception {
        mvc.perform(get("/guide")).andExpect(redirectedUrl("/guide/JLP-YJP"));
        mvc.perform(get("/")).andExpect(redirectedUrl("/guide"));
    }

    @Test
    void theHomePageIsChineseByDefaultWithCategoriesAndTheFloorMap() throws Exception {
        mvc.perform(get("/guide/JLP-YJP"))
                .andExpect(status().isOk())
                .andExpect(view().name(GuideController.HOME))
                .andExpect(content().string(containsString("九龙坡区24小时智慧政务服务中心")))
                .andExpect(content().string(containsString("按类别查找")))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
                .andExpect(content().string(occurs("class=\"device type-", 13)));
    }

    @Test
    void anAnonymousVisitorGetsNoSession() throws Exception {
        mvc.perform(get("/guide/JLP-YJP").param("q", "sfz"))
                .andExpect(status().isOk())
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession(false)).isNull());
        mvc.perform(get("/guide/JLP-YJP/items/XX-9999").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession(false)).isNull());
    }

    @Test
    void aSearchByPinyinInitialsListsTheIdCardItems() throws Exception {
        mvc.perform(get("/guide/JLP-YJP").param("q", "sfz"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("居民身份证补领")));
    }

    @Test
    void anHtmxSearchAnswersOnlyTheResultsFragment() throws Exception {
        mvc.perform(get("/guide/JLP-YJP").param("q", "驾驶证").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(view().name(GuideController.HOME + " :: results"))
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(containsString("驾驶证")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void htmxRestoringHistoryGetsTheWholePage() throws Exception {
        mvc.perform(get("/guide/JLP-YJP").param("q", "驾驶证").header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true"))
                .andExpect(view().name(GuideController.HOME))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void theScopeFilterShowsOnlyNationwideItems() throws Exception {
        mvc.perform(get("/guide/JLP-YJP").param("scope", "NATIONWIDE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"badge scope-NATIONWIDE\"")))
                .andExpect(content().string(not(containsString("class=\"badge scope-CITYWIDE\""))));
    }

    @Test
    void anItemPageHighlightsTheDevicesThatHandleItAndShowsTheirStatusAsUnknown() throws Exception {
        mvc.perform(get("/guide/JLP-YJP/items/GA-0001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("居民身份证补领")))
                .andExpect(content().string(occurs("status-UNKNOWN highlighted\"", 5)))
                .andExpect(content().string(occurs("class=\"device type-POLICE_KIOSK status-UNKNOWN highlighted\"", 5)))
                .andExpect(content().string(containsString("状态未知")))
                .andExpect(content().string(not(containsString("data-status=\"ONLINE\""))));
    }

    @Test
    void aDevicePageListsWhatThatDeviceHandles() throws Exception {
        mvc.perform(get("/guide/JLP-YJP/devices/JLP-YJP-TAX-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("税务发票自助服务设备 1")))
                .andExpect(content().string(containsString("代开增值税普通发票")));
    }

    @Test
    void theCabinetPageSaysItHandlesNoItemByItself() throws Exception {
        mvc.perform(get("/guide/JLP-YJP/devices/JLP-YJP-CAB-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不单独办理事项")))
                .andExpect(content().string(containsString("24 个格口")));
    }

    @Test
    void englishIsOneSwitchAway() throws Exception {
        mvc.perform(get("/guide/JLP-YJP/items/GA-0001").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Where to do it")))
                .andExpect(content().string(containsString("Public security kiosk 1")));
    }

    @Test
    void unknownItemsDevicesAndHallsAreNotFound() throws Exception {
        mvc.perform(get("/guide/JLP-YJP/items/XX-9999")).andExpect(status().isNotFound());
        mvc.perform(get("/guide/JLP-YJP/devices/NOPE")).andExpect(status().isNotFound());
        mvc.perform(get("/guide/NOPE")).andExpect(status().isNotFound());
    }

    @Test
    void nonsenseParametersShowTheFirstPageInsteadOfAnError() throws Exception {
        mvc.perform(get("/guide/JLP-YJP").param("q", "身份证").param("page", "abc").param("scope", "WORLD"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("居民身份证补领")));
    }

    /** Issue 9, point 14: every category and department tile answered 500 (a map indexed by the literal "category"). */
    @Test
    void everyCategoryAndDepartmentFilterShowsItsNameInBothLanguagesWithOrWithoutTextAndHtmx() throws Exception {
        for (String lang : new String[] {"zh-CN", "en"}) {
            java.util.Locale locale = java.util.Locale.forLanguageTag(lang);
            for (Category c : catalog.categories()) {
                String chip = "<span class=\"chip\">" + org.springframework.web.util.HtmlUtils.htmlEscape(c.name().in(locale)) + "</span>";
                mvc.perform(get("/guide/JLP-YJP").param("category", c.code()).param("lang", lang))
                        .andExpect(status().isOk()).andExpect(content().string(containsString(chip)));
                mvc.perform(get("/guide/JLP-YJP").param("category", c.code()).param("q", "证").param("lang", lang)
                        .header("HX-Request", "true"))
                        .andExpect(status().isOk()).andExpect(content().string(containsString(chip)));
            }
            for (Department d : catalog.departments()) {
                String chip = "<span class=\"chip\">" + org.springframework.web.util.HtmlUtils.htmlEscape(d.name().in(locale)) + "</span>";
                mvc.perform(get("/guide/JLP-YJP").param("department", d.code()).param("lang", lang))
                        .andExpect(status().isOk()).andExpect(content().string(containsString(chip)));
                mvc.perform(get("/guide/JLP-YJP").param("department", d.code()).param("q", "证").param("lang", lang)
                        .header("HX-Request", "true"))
                        .andExpect(status().isOk()).andExpect(content().string(containsString(chip)));
            }
        }
    }
}
