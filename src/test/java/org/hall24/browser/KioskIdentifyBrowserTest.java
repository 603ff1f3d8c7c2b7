package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceStatuses;
import org.hall24.identity.KioskSessions;
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
 * The kiosk's first steps in a real browser against the living hall: an admin pairs the kiosk's
 * browser, the simulated kiosk reads a card and the screen turns to the face step by itself, a
 * refused then an accepted face report (signed by the simulated face module), and the inactivity
 * countdown that wipes the screen back to the start.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hall24.kiosk.inactivity-timeout=8s", "hall24.kiosk.inactivity-warning=4s", "hall24.kiosk.inactivity-sweep=200ms"})
class KioskIdentifyBrowserTest {

    static final String KIOSK = "JLP-YJP-POL-01";

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

    @Autowired
    KioskSessions sessions;

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

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    SimulatedDevice kiosk() {
        return PairedKiosk.device(simulator, statuses, KIOSK);
    }

    void pairThisBrowser() {
        browser.get(url("/kiosk"));
        assertThat(browser.findElement(By.id("unpaired")).getText()).as("before pairing").contains("配对");
        String code = PairedKiosk.pair(browser, wait, url(""), KIOSK);
        assertThat(code).matches("\\d{8}");
        assertThat(browser.findElement(By.id("kiosk-device")).getText()).contains(KIOSK);
    }

    @Test
    void aCardReadShowsTheFaceStepAndAnAcceptedFaceLeadsToTheItemsThenInactivityWipesTheScreen() {
        pairThisBrowser();
        SimulatedDevice kiosk = kiosk();
        Browser.screenshot(browser, "kiosk-attract");

        kiosk.readCard();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("face-step")));
        assertThat(browser.getCurrentUrl()).endsWith("/kiosk/identify");
        assertThat(browser.findElement(By.id("person-id")).getText()).matches("\\d{4}\\*{10}[\\dX]{4}");
        assertThat(browser.findElement(By.id("step-identify")).getAttribute("class")).contains("current");
        assertThat(browser.findElement(By.id("identity-badge")).isDisplayed()).isTrue();
        browser.executeScript("document.body.dataset.marker = 'same-page'");

        kiosk.faceChecked(0.42, true);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("face-refused")));
        assertThat(browser.findElement(By.id("face-refused")).getText()).contains("相似度不足");
        assertThat(browser.findElement(By.id("attempts")).getText()).contains("1");
        assertThat(browser.executeScript("return document.body.dataset.marker")).as("updated in place").isEqualTo("same-page");
        Browser.screenshot(browser, "kiosk-face-refused");
        Instant activity = sessions.current(KIOSK).orElseThrow().lastActivity();
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
        assertThat(sessions.current(KIOSK).orElseThrow().lastActivity()).as("the screen does not refresh itself in a loop")
                .isEqualTo(activity);

        kiosk.faceChecked(0.93, true);
        wait.until(ExpectedConditions.urlContains("/kiosk/items"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        assertThat(sessions.current(KIOSK)).hasValueSatisfying(s -> assertThat(s.verified()).isTrue());
        assertThat(browser.executeScript("return Object.keys(window.localStorage).concat(Object.keys(window.sessionStorage)).join()"))
                .as("nothing stored in the browser").isEqualTo("");

        // Nobody touches the screen: the countdown shows in the last seconds, then the screen is wiped.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countdown")));
        assertThat(browser.findElement(By.id("countdown-text")).getText()).matches("还剩 [1-4] 秒，触摸屏幕继续");
        Browser.screenshot(browser, "kiosk-countdown");
        Instant deadline = sessions.current(KIOSK).orElseThrow().expiresAt();
        browser.findElement(By.id("countdown")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("countdown")));
        assertThat(sessions.current(KIOSK).orElseThrow().expiresAt()).as("a touch pushes the deadline").isAfter(deadline);
        assertThat(browser.getCurrentUrl()).endsWith("/kiosk/items");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countdown")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='attract']")));
        assertThat(browser.findElement(By.id("ended")).getText()).contains("无操作");
        assertThat(browser.findElements(By.id("identity-badge"))).isEmpty();
        assertThat(sessions.current(KIOSK)).isEmpty();
    }
}
