package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hall24.Hall24IntegrationTest;
import org.hall24.testing.LivingHall;
import org.hall24.simulator.internal.SimulatorRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator watches the device monitor while a kiosk drops off the network and comes back:
 * the row changes by itself (server-sent events), without reloading the page.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DeviceMonitorBrowserTest {

    @DynamicPropertySource
    static void livingHall(DynamicPropertyRegistry registry) {
        LivingHall.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    SimulatorRunner simulator;

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
    void theMonitorShowsAKioskGoOfflineAndComeBackWithoutAReload() {
        browser.get("http://localhost:" + port + "/admin/devices");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password", Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.urlContains("/admin/devices"));
        browser.get("http://localhost:" + port + "/admin/devices");
        By kiosk = By.id("device-JLP-YJP-HRSS-01");
        wait.until(ExpectedConditions.attributeToBe(kiosk, "data-status", "ONLINE"));
        browser.executeScript("document.body.dataset.marker = 'same-page'");

        simulator.simulator().orElseThrow().device("JLP-YJP-HRSS-01").goOffline();
        wait.until(ExpectedConditions.attributeToBe(kiosk, "data-status", "OFFLINE"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(kiosk, "离线"));
        Browser.screenshot(browser, "monitor-offline");

        simulator.simulator().orElseThrow().device("JLP-YJP-HRSS-01").comeBack();
        wait.until(ExpectedConditions.attributeToBe(kiosk, "data-status", "ONLINE"));
        assertThat(browser.executeScript("return document.body.dataset.marker")).as("no reload").isEqualTo("same-page");
        assertThat(Browser.cspViolations(browser)).as("the monitor's script runs under the Content-Security-Policy").isEmpty();
    }
}
