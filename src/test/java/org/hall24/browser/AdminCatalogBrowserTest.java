package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.hall24.Hall24IntegrationTest;
import org.hall24.catalog.Catalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator adds an item as the hall grows: signs in, makes a mistake and sees it beside the
 * field, saves, and a visitor finds the new item in the lobby guide at once.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminCatalogBrowserTest {

    static final String NAME = "母婴保健技术服务执业许可（新增）";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

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
    void anOperatorAddsAnItemAndAVisitorFindsItInTheGuide() {
        browser.get(url("/admin/catalog"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password", Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/admin/catalog"));

        browser.findElement(By.id("new-item")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        String code = "WJ-" + (9100 + (int) (System.nanoTime() % 800));
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("nameEn")).sendKeys("Licence for maternal and infant health care services");
        new Select(browser.findElement(By.name("category"))).selectByValue("medical-institution");
        new Select(browser.findElement(By.name("department"))).selectByValue("WJ");
        new Select(browser.findElement(By.name("handlingType"))).selectByValue("PROMISED");
        browser.findElement(By.id("legalDays")).sendKeys("20");
        browser.findElement(By.id("promisedDays")).sendKeys("10");
        new Select(browser.findElement(By.name("scope"))).selectByValue("LOCAL");
        browser.findElement(By.name("materials[0].nameZh")).sendKeys("申请书");
        browser.findElement(By.name("materials[0].nameEn")).sendKeys("Application form");
        browser.findElement(By.cssSelector("input[name='deviceTypes'][value='GOV_KIOSK']")).click();
        browser.findElement(By.cssSelector("input[name='deliveryMethods'][value='COUNTER']")).click();
        browser.findElement(By.id("keywords")).sendKeys("母婴, 妇幼");
        browser.findElement(By.id("save")).click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-nameZh")));
        assertThat(browser.findElement(By.id("error-nameZh")).getText()).isEqualTo("必填");
        assertThat(catalog.item(code)).as("nothing is saved while a field is wrong").isEmpty();
        assertThat(browser.findElement(By.id("nameEn")).getAttribute("value"))
                .as("what was typed is kept").isEqualTo("Licence for maternal and infant health care services");
        Browser.screenshot(browser, "admin-item-errors");

        browser.findElement(By.id("nameZh")).sendKeys(NAME);
        browser.findElement(By.id("save")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已保存");
        assertThat(browser.findElement(By.id("history")).getText()).contains("admin");

        browser.get(url("/guide/JLP-YJP"));
        browser.findElement(By.id("q")).sendKeys("母婴保健技术服务执业许可", Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), NAME));
        browser.findElement(By.xpath("//span[@class='item-name'][text()='" + NAME + "']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("item-name"), NAME));

        assertThat(browser.findElements(By.cssSelector("svg a.device.highlighted"))).hasSize(2)
                .allSatisfy(d -> assertThat(d.getAttribute("data-type")).isEqualTo("GOV_KIOSK"));
    }
}
