package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.hall24.Hall24IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public pages run in Chromium under their Content-Security-Policy without a single violation,
 * and what they do with scripts still works: the guide's htmx search-as-you-type (with its pushed URL),
 * an item page with its map, a device page, the progress lookup's form. The kiosk screens are checked
 * the same way along the kiosk journeys ({@link KioskJourneyBrowserTest}, {@link KioskLargeTextBrowserTest}).
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserTest {

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

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anInlineScriptOrStyleWithoutTheNonceIsBlockedAndReported() {
        browser.get(url("/guide/JLP-YJP"));
        assertThat(Browser.cspViolations(browser)).isEmpty();
        browser.executeScript("""
                var s = document.createElement('script'); s.textContent = 'window.injected = true;'; document.head.appendChild(s);
                var d = document.createElement('div'); d.innerHTML = '<p style="color: red">x</p>'; document.body.appendChild(d);
                """);
        Browser.waitFor(browser).until(d -> !((java.util.List<?>) browser.executeScript("return window.hall24CspViolations;")).isEmpty());
        assertThat(browser.executeScript("return window.injected === true;")).isEqualTo(false);
        assertThat(Browser.cspViolations(browser)).anySatisfy(v -> assertThat(v).contains("script-src"));
    }

    @Test
    void theGuideItemDeviceAndTrackPagesWorkUnderThePolicy() {
        browser.get(url("/guide/JLP-YJP"));
        browser.executeScript("document.body.dataset.marker = 'same-page'");
        browser.findElement(By.id("q")).sendKeys("驾驶证");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-count"), "找到"));
        assertThat(browser.executeScript("return document.body.dataset.marker")).as("htmx swapped the results in place")
                .isEqualTo("same-page");
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("q="));
        assertThat(Browser.cspViolations(browser)).as("guide search").isEmpty();

        browser.findElement(By.xpath("//span[@class='item-name'][text()='机动车驾驶证补领']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("item-name"), "机动车驾驶证补领"));
        assertThat(browser.findElements(By.cssSelector("svg a.device.highlighted"))).isNotEmpty();
        assertThat(Browser.cspViolations(browser)).as("item page").isEmpty();

        browser.get(url("/guide/JLP-YJP/devices/JLP-YJP-POL-01"));
        browser.findElement(By.id("q")).sendKeys("驾驶", Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("q="));
        assertThat(browser.findElements(By.cssSelector("#results .item-name"))).isNotEmpty()
                .allSatisfy(n -> assertThat(n.getText()).contains("驾驶"));
        assertThat(Browser.cspViolations(browser)).as("device page").isEmpty();

        browser.get(url("/track"));
        browser.findElement(By.id("number")).sendKeys("JLP-YJP-20261201-WJ-000001-X", Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("number-error")));
        assertThat(Browser.cspViolations(browser)).as("progress lookup").isEmpty();
    }

    @Test
    void swaggerUiRendersTheApiUnderThePolicy() {
        browser.get(url("/api/v1/docs"));
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
        assertThat(Browser.cspViolations(browser)).as("Swagger UI").isEmpty();
    }
}
