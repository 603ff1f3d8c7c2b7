package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceStatuses;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.hall24.simulator.SimulatedDevice;
import org.hall24.simulator.SimulatedSmsc;
import org.hall24.simulator.internal.SimulatorRunner;
import org.hall24.testing.LivingHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's way of reading an SMS code: a kiosk asks for a phone code, the platform sends it
 * over SMPP to the simulated carrier SMSC, and the admin reads it on the simulator's phones page
 * (/admin/simulator/phones) in a second browser and types it on the kiosk, which accepts it. On a
 * database of its own, so that no other test context's dispatcher sends this code elsewhere.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"hall24.sms.provider=smpp",
        "hall24.embedded-db.data-dir=target/test-pg/smpp-browser", "hall24.simulator.smsc.receipt-delay=200ms"})
class SimulatorPhonesBrowserTest {

    static final String KIOSK = "JLP-YJP-GOV-01";
    static final Pattern CODE = Pattern.compile("验证码是(\\d{6})");

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
    SimulatedSmsc smsc;

    ChromeDriver kioskBrowser;
    ChromeDriver adminBrowser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        kioskBrowser = Browser.start();
        wait = new WebDriverWait(kioskBrowser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void close() {
        if (kioskBrowser != null) {
            kioskBrowser.quit();
        }
        if (adminBrowser != null) {
            adminBrowser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void type(String name, String text) {
        WebElement input = kioskBrowser.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    void hideKeyboard() {
        List<WebElement> hide = kioskBrowser.findElements(By.cssSelector("#kiosk-keyboard [data-action='hide']"));
        if (!hide.isEmpty() && hide.get(0).isDisplayed()) {
            hide.get(0).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kiosk-keyboard")));
        }
    }

    void click(String id) {
        hideKeyboard();
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** A card, a face, the physician item's form and its material: the kiosk reaches its phone check. */
    void reachThePhoneCheck(SimulatedDevice kiosk, String phone) {
        kiosk.readCard();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("face-step")));
        kiosk.faceChecked(0.91, true);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        type("q", "yishi");
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-item='WJ-0001']")));
        hideKeyboard();
        item.click();
        wait.until(ExpectedConditions.textToBe(By.id("item-name"), "变更医师执业注册"));
        click("start");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='form']")));
        type("certificateNumber", "110500000012345");
        new Select(kioskBrowser.findElement(By.name("changeItem"))).selectByVisibleText("执业机构");
        type("currentInstitution", "重庆市第一人民医院");
        type("newInstitution", "九龙坡区人民医院");
        String credit = "91500107MA5U00001";
        type("newInstitutionCreditCode", credit + UnifiedSocialCreditCode.checkCharacter(credit));
        new Select(kioskBrowser.findElement(By.name("practiceCategory"))).selectByVisibleText("临床");
        type("practiceScope", "内科专业");
        type("phone", phone);
        click("form-next");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='materials']")));
        kiosk.captureDocument();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-material='0'] [data-attachment]")));
        click("materials-next");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='phone']")));
    }

    /** The admin's browser on the phones page, reloaded until the phone's newest message holds a code. */
    String readCodeOnThePhonesPage(String phone) {
        adminBrowser = Browser.start();
        WebDriverWait adminWait = new WebDriverWait(adminBrowser, Duration.ofSeconds(30));
        adminWait.ignoring(StaleElementReferenceException.class);
        adminBrowser.get(url("/admin/simulator/phones"));
        adminBrowser.findElement(By.id("username")).sendKeys("admin");
        adminBrowser.findElement(By.id("password")).sendKeys("test-admin-password", Keys.ENTER);
        adminWait.until(ExpectedConditions.urlContains("/admin/"));
        return adminWait.until(driver -> {
            driver.get(url("/admin/simulator/phones"));
            List<WebElement> texts = driver.findElements(By.cssSelector("#phone-" + phone + " .phone-message-text"));
            if (texts.isEmpty()) {
                return null;
            }
            Matcher code = CODE.matcher(texts.get(0).getText());
            return code.find() ? code.group(1) : null;
        });
    }

    @Test
    void theCodeAKioskAskedForIsReadOnTheSimulatedPhonesPageAndAccepted() {
        PairedKiosk.pair(kioskBrowser, wait, url(""), KIOSK);
        SimulatedDevice kiosk = PairedKiosk.device(simulator, statuses, KIOSK);
        String phone = "139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        reachThePhoneCheck(kiosk, phone);

        click("send-code");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        String code = readCodeOnThePhonesPage(phone);

        WebElement section = adminBrowser.findElement(By.id("phone-" + phone));
        assertThat(adminBrowser.findElement(By.id("simulated-smsc")).getText()).isEqualTo("模拟运营商短信中心 — 不是真实手机");
        assertThat(section.findElement(By.cssSelector(".phone-message-text")).getText())
                .isEqualTo("【九龙坡政务】您的验证码是" + code + "，5分钟内有效。请勿告诉他人。");
        assertThat(section.getText()).contains("分 1 段发送");
        assertThat(smsc.submitsTo(phone)).isEqualTo(1);
        Browser.screenshot(adminBrowser, "simulator-phones");
        Axe.assertNoSeriousViolations(adminBrowser, "simulator phones page");

        type("code", code);
        click("verify-code");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='review']")));

        // The receipt went back: after a reload the page says so.
        new WebDriverWait(adminBrowser, Duration.ofSeconds(10)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.cssSelector("#phone-" + phone + " .receipt")).getText().contains("回执已发回");
        });
        assertThat(Browser.cspViolations(adminBrowser)).as("no Content-Security-Policy violation on the phones page").isEmpty();
    }
}
