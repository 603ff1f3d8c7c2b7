package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hall24.Hall24IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor at the lobby query kiosk: searches "驾驶证", opens an item and sees the public-security
 * kiosks highlighted on the floor map, then switches to English.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GuideBrowserTest {

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

    @Test
    void aVisitorFindsTheDrivingLicenceItemAndTheKiosksThatHandleIt() {
        browser.get("http://localhost:" + port + "/guide");
        assertThat(browser.getCurrentUrl()).endsWith("/guide/JLP-YJP");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        Axe.assertNoSeriousViolations(browser, "guide home");

        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("驾驶证", Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-count"), "找到"));
        List<String> names = browser.findElements(By.cssSelector("#results .item-name")).stream().map(WebElement::getText).toList();
        assertThat(names).isNotEmpty().contains("机动车驾驶证补领");
        assertThat(names.get(0)).contains("驾驶证");
        Browser.screenshot(browser, "guide-search");
        Axe.assertNoSeriousViolations(browser, "guide search results");

        browser.findElement(By.xpath("//span[@class='item-name'][text()='机动车驾驶证补领']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("item-name"), "机动车驾驶证补领"));

        List<WebElement> highlighted = browser.findElements(By.cssSelector("svg a.device.highlighted"));
        assertThat(highlighted).hasSize(5)
                .allSatisfy(d -> assertThat(d.getAttribute("data-type")).isEqualTo("POLICE_KIOSK"));
        assertThat(browser.findElements(By.cssSelector("svg a.device:not(.highlighted)")))
                .noneSatisfy(d -> assertThat(d.getAttribute("data-type")).isEqualTo("POLICE_KIOSK"));
        assertThat(highlighted.get(0).findElement(By.cssSelector("rect")).getCssValue("fill"))
                .as("a highlighted device is drawn in the highlight colour").isEqualTo("rgb(242, 153, 0)");
        assertThat(browser.findElement(By.cssSelector(".device-list")).getText()).contains("公安自助服务设备 1", "状态未知");
        Browser.screenshot(browser, "guide-item-zh");
        Axe.assertNoSeriousViolations(browser, "item page");

        browser.findElement(By.id("lang-en")).click();
        Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));

        assertThat(browser.findElement(By.id("item-name")).getText()).isEqualTo("Re-issue of a lost driving licence");
        assertThat(browser.findElement(By.cssSelector(".where h2")).getText()).isEqualTo("Where to do it");
        assertThat(browser.findElement(By.cssSelector(".device-list")).getText()).contains("Public security kiosk 1", "Status unknown");
        assertThat(browser.findElement(By.cssSelector(".map-legend")).getText()).contains("Devices that handle this service");
        assertThat(browser.findElements(By.cssSelector("svg a.device.highlighted"))).hasSize(5);
        Browser.screenshot(browser, "guide-item-en");
        Axe.assertNoSeriousViolations(browser, "item page in English");
    }

    @Test
    void searchingAsYouTypeUpdatesOnlyTheResults() {
        browser.get("http://localhost:" + port + "/guide/JLP-YJP");
        WebElement search = browser.findElement(By.id("q"));
        browser.executeScript("document.body.dataset.marker = 'same-page'");

        search.sendKeys("gjj");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-count"), "找到"));

        assertThat(browser.findElements(By.cssSelector("#results .item-name"))).isNotEmpty()
                .allSatisfy(n -> assertThat(n.getText()).contains("公积金"));
        assertThat(browser.executeScript("return document.body.dataset.marker")).isEqualTo("same-page");
        assertThat(browser.getCurrentUrl()).contains("q=gjj");
    }

    /** Issue 9, point 14: every tile on the guide's home page, category and department, opens its filtered list. */
    @Test
    void everyCategoryAndDepartmentTileOpensItsFilteredList() {
        String home = "http://localhost:" + port + "/guide/JLP-YJP";
        browser.get(home);
        int categories = browser.findElements(By.cssSelector("ul.tiles:not(.departments) a.tile")).size();
        int departments = browser.findElements(By.cssSelector("ul.tiles.departments a.tile")).size();
        assertThat(categories).isGreaterThan(5);
        assertThat(departments).isGreaterThan(5);
        for (String list : new String[] {"ul.tiles:not(.departments)", "ul.tiles.departments"}) {
            int count = list.contains("not") ? categories : departments;
            for (int i = 0; i < count; i++) {
                browser.get(home);
                WebElement tile = browser.findElements(By.cssSelector(list + " a.tile")).get(i);
                String name = (list.contains("not") ? tile.findElement(By.cssSelector("span")) : tile).getText().strip();
                tile.click();
                Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .filters .chip")));
                assertThat(browser.findElement(By.cssSelector("#results .filters .chip")).getText())
                        .as("the filter chip after clicking tile %s", name).isEqualTo(name);
                assertThat(browser.findElement(By.cssSelector("#results .result-count")).getText()).as("the count for %s", name)
                        .matches(".*\\d+.*");
            }
        }
    }
}
