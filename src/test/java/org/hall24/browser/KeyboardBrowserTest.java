package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.hall24.Hall24IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A citizen without a physical keyboard fills a form at the kiosk by tapping the on-screen
 * keyboard: types a name in pinyin (zhang → 张, san → 三), an ID number with its X check digit,
 * corrects a digit with backspace; the system keyboard never opens, and the form hears the input.
 * Runs on a test-only page that includes the keyboard fragment.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeyboardBrowserTest {

    static final String PAGE = "/test/keyboard"; // outside /kiosk/**, which admits paired kiosks only

    @TestConfiguration(proxyBeanMethods = false)
    static class TestPage {

        @Bean
        KeyboardTestPageController keyboardTestPageController() {
            return new KeyboardTestPageController();
        }

        /** The test page needs no sign-in; everything else keeps the application's rules. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain keyboardTestPageSecurity(HttpSecurity http) throws Exception {
            return http.securityMatcher(PAGE).authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }

    @Controller
    static class KeyboardTestPageController {

        @GetMapping(PAGE)
        String page() {
            return "kiosk-test/keyboard-test";
        }
    }

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    WebElement keyboard() {
        return browser.findElement(By.id("kiosk-keyboard"));
    }

    void tap(String characters) {
        for (char c : characters.toCharArray()) {
            keyboard().findElement(By.cssSelector(".kb-keys button[data-key=\"" + c + "\"]")).click();
        }
    }

    void tapAction(String action) {
        keyboard().findElement(By.cssSelector("button[data-action='" + action + "']")).click();
    }

    void choose(String candidate) {
        By button = By.xpath("//div[@id='kiosk-keyboard']//button[contains(@class,'kb-candidate')][text()='" + candidate + "']");
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    @Test
    void aCitizenTypesANameInPinyinAndAnIdNumberOnTheScreen() {
        browser.get("http://localhost:" + port + PAGE);
        assertThat(keyboard().isDisplayed()).as("the keyboard waits for a field").isFalse();
        assertThat(browser.findElements(By.cssSelector("[data-kb]")))
                .as("no field opens the system keyboard").isNotEmpty()
                .allSatisfy(field -> assertThat(field.getDomAttribute("inputmode")).isEqualTo("none"));

        browser.findElement(By.id("name")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOf(keyboard()));
        assertThat(keyboard().findElement(By.cssSelector(".kb-toggle")).getText()).as("pinyin starts in Chinese").isEqualTo("中");
        assertThat(keyboard().findElement(By.cssSelector("button[data-action='backspace']")).getText()).isEqualTo("退格");

        tap("zhang");
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.cssSelector(".kb-composition"), "zhang"));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kb-candidate")));
        Browser.screenshot(browser, "kiosk-keyboard-pinyin");
        choose("张");
        tap("san");
        choose("三");
        assertThat(value("name")).isEqualTo("张三");
        assertThat(keyboard().findElement(By.cssSelector(".kb-composition")).getText()).as("nothing left to compose").isEmpty();
        assertThat(Integer.parseInt(browser.findElement(By.id("events")).getDomAttribute("data-input"))).isEqualTo(2);

        tap("yiyuan");
        choose("医院");
        assertThat(value("name")).isEqualTo("张三医院");
        tapAction("backspace");
        tapAction("backspace");
        assertThat(value("name")).isEqualTo("张三");

        tapAction("next");
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(keyboard().findElement(By.cssSelector(".kb-keys")), "data-layout", "id"));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("idNumber");
        assertThat(browser.findElement(By.id("events")).getDomAttribute("data-change")).as("the name field changed").isEqualTo("name;");
        assertThat(keyboard().findElements(By.cssSelector(".kb-keys button[data-key='a']"))).as("an ID takes digits and X only").isEmpty();

        tap("11010519491231002");
        tap("9");
        tapAction("backspace");
        tap("X");
        assertThat(value("idNumber")).isEqualTo("11010519491231002X");
        tap("5");
        assertThat(value("idNumber")).as("the field's maxlength holds").isEqualTo("11010519491231002X");
        Browser.screenshot(browser, "kiosk-keyboard-id");

        tapAction("next");
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(keyboard().findElement(By.cssSelector(".kb-keys")), "data-layout", "phone"));
        tap("13800138000");
        assertThat(value("phone")).isEqualTo("13800138000");
        assertThat(keyboard().findElements(By.cssSelector(".kb-keys button[data-key='X']"))).isEmpty();
        tapAction("done");
        Browser.waitFor(browser).until(ExpectedConditions.invisibilityOf(keyboard()));
        assertThat(browser.findElement(By.id("events")).getDomAttribute("data-change")).isEqualTo("name;idNumber;phone;");
        assertThat(browser.executeScript("return window.localStorage.length + window.sessionStorage.length")).isEqualTo(0L);
        assertThat(Browser.cspViolations(browser)).as("the keyboard runs under the Content-Security-Policy").isEmpty();
    }

    @Test
    void aFieldSwappedInLaterGetsTheKeyboardAndEnglishLabels() {
        browser.get("http://localhost:" + port + PAGE + "?lang=en");
        browser.executeScript("document.getElementById('later').innerHTML ="
                + " '<input id=\"swapped\" data-kb=\"pinyin\" style=\"font-size:32px\">'");
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("swapped"), "inputmode", "none"));

        browser.findElement(By.id("swapped")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOf(keyboard()));
        assertThat(keyboard().findElement(By.cssSelector("button[data-action='backspace']")).getText()).isEqualTo("Delete");

        tapAction("toggle");
        assertThat(keyboard().findElement(By.cssSelector(".kb-toggle")).getText()).isEqualTo("EN");
        tapAction("shift");
        tap("H");
        tapAction("shift");
        tap("i");
        assertThat(value("swapped")).as("English letters go straight in").isEqualTo("Hi");

        tapAction("toggle");
        tap("chongq");
        choose("重庆");
        assertThat(value("swapped")).isEqualTo("Hi重庆");
        tap("xi'");
        choose("西");
        tap("an");
        choose("安");
        assertThat(value("swapped")).as("a separator splits xi'an into two syllables").isEqualTo("Hi重庆西安");
        assertThat(keyboard().findElement(By.cssSelector(".kb-key")).getCssValue("font-size")).isEqualTo("32px");
        assertThat(keyboard().findElement(By.cssSelector(".kb-key")).getSize().getHeight()).isGreaterThanOrEqualTo(64);
        Browser.screenshot(browser, "kiosk-keyboard-en");
    }
}
