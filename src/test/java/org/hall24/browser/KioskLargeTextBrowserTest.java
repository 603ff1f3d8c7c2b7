package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceStatuses;
import org.hall24.simulator.SimulatedDevice;
import org.hall24.simulator.internal.SimulatorRunner;
import org.hall24.testing.LivingHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * An elderly citizen presses 大字 at a kiosk: the type grows 1.3x at once, in place, and stays larger
 * on the next screens of the session; after "End" the kiosk is back at the normal size. The kiosk
 * screens on the way pass axe-core (no serious or critical violation, large type included) and report
 * no Content-Security-Policy violation while kiosk.js and htmx drive them.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KioskLargeTextBrowserTest {

    static final String KIOSK = "JLP-YJP-POL-05";

    @DynamicPropertySource
    static void livingHall(DynamicPropertyRegistry registry) {
        LivingHall.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    SimulatorRunner simulator;
    @Autowired
    DeviceStatuses statuses;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    double rootFontPixels() {
        return Double.parseDouble(((String) browser.executeScript(
                "return getComputedStyle(document.documentElement).fontSize;")).replace("px", ""));
    }

    double headingFontPixels() {
        return Double.parseDouble(((String) browser.executeScript(
                "return getComputedStyle(document.querySelector('h1')).fontSize;")).replace("px", ""));
    }

    boolean large() {
        return (Boolean) browser.executeScript("return document.documentElement.classList.contains('kiosk-large-text');");
    }

    @Test
    void largerTextGrowsTheTypeForTheSessionAndResetsWhenItEnds() {
        PairedKiosk.pair(browser, wait, "http://localhost:" + port, KIOSK);
        SimulatedDevice kiosk = PairedKiosk.device(simulator, statuses, KIOSK);
        Browser.cspViolations(browser);
        Axe.assertNoSeriousViolations(browser, "kiosk start screen");
        double normalRoot = rootFontPixels();
        assertThat(browser.findElement(By.id("text-size")).getText()).isEqualTo("大字");
        assertThat(large()).isFalse();

        kiosk.readCard();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("face-step")));
        Axe.assertNoSeriousViolations(browser, "kiosk identify screen");
        double normalHeading = headingFontPixels();
        browser.executeScript("document.body.dataset.marker = 'same-page'");
        browser.findElement(By.id("text-size")).click();
        wait.until(d -> large());
        assertThat(browser.executeScript("return document.body.dataset.marker")).as("switched in place").isEqualTo("same-page");
        assertThat(browser.findElement(By.id("text-size")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(rootFontPixels()).isCloseTo(normalRoot * 1.3, org.assertj.core.data.Offset.offset(0.5));
        assertThat(headingFontPixels()).isCloseTo(normalHeading * 1.3, org.assertj.core.data.Offset.offset(1.0));
        Browser.screenshot(browser, "kiosk-large-text-identify");

        kiosk.faceChecked(0.93, true);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        assertThat(large()).as("remembered on the next screen of the session").isTrue();
        assertThat(headingFontPixels()).isCloseTo(normalHeading * 1.3, org.assertj.core.data.Offset.offset(1.0));
        Axe.assertNoSeriousViolations(browser, "kiosk items screen, larger text");
        Browser.screenshot(browser, "kiosk-large-text-items");

        browser.findElement(By.id("end-session")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='end']")));
        assertThat(large()).as("the session ended: normal size").isFalse();
        Axe.assertNoSeriousViolations(browser, "kiosk end screen");
        browser.findElement(By.id("back-to-start")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='attract']")));
        assertThat(large()).isFalse();
        assertThat(rootFontPixels()).isEqualTo(normalRoot);
        assertThat(Browser.cspViolations(browser)).as("no Content-Security-Policy violation on the kiosk screens").isEmpty();
    }
}
