package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.hall24.Hall24IntegrationTest;
import org.hall24.notifications.templates.TemplateOverrides;
import org.hall24.notifications.templates.TemplateState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin rewords a message: finds the templates from the outbox, opens one, names a placeholder
 * the event does not have and sees why beside the field, fixes it, and the preview shows the new
 * SMS as the phone gets it.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminTemplatesBrowserTest {

    static final String KEY = "result-ready-counter";

    @LocalServerPort
    int port;

    @Autowired
    TemplateOverrides overrides;

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
        TemplateState state = overrides.find(KEY).orElseThrow();
        if (state.revertible()) {
            overrides.revert(KEY, state.version(), "test-cleanup");
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void replace(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void anAdminRewordsAnSmsSeesARefusalBesideTheFieldThenTheNewPreview() {
        browser.get(url("/admin/notifications"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password", Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("templates-link")));
        Axe.assertNoSeriousViolations(browser, "outbox");
        browser.findElement(By.id("templates-link")).click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("templates")));
        assertThat(browser.findElements(By.cssSelector("#templates tbody"))).hasSizeGreaterThanOrEqualTo(15);
        Axe.assertNoSeriousViolations(browser, "templates");
        Browser.screenshot(browser, "admin-templates");
        browser.findElement(By.cssSelector("#template-" + KEY + " a.code")).click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("texts")));
        replace("sms-zh-CN", "申办件{number}的结果请到{counter}领取，请带身份证。");
        replace("sms-en", "Collect the result of {number} at {counter}, {name}.");
        browser.findElement(By.id("save")).click();

        WebElement error = Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-sms-en")));
        assertThat(error.getText()).contains("{name}");
        assertThat(browser.findElement(By.id("sms-en")).getAttribute("aria-describedby")).isEqualTo("error-sms-en");
        assertThat(browser.findElement(By.id("sms-zh-CN")).getAttribute("value")).isEqualTo("申办件{number}的结果请到{counter}领取，请带身份证。");
        Axe.assertNoSeriousViolations(browser, "template with an error");

        replace("sms-en", "Collect the result of {number} at {counter}.");
        browser.findElement(By.id("save")).click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.cssSelector("#preview tr[data-language='zh-CN'] .sms-text")).getText())
                .isEqualTo("【九龙坡政务】申办件JLP-20261204-000123的结果请到杨家坪政务服务中心3号窗口领取，请带身份证。");
        assertThat(browser.findElement(By.id("status")).getText()).contains("admin");
        assertThat(browser.findElements(By.cssSelector("#versions tbody tr"))).isNotEmpty();
        assertThat(Browser.cspViolations(browser)).isEmpty();
        Browser.screenshot(browser, "admin-template-edit");
    }
}
