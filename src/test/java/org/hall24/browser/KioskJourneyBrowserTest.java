package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hall24.Hall24IntegrationTest;
import org.hall24.applications.Applications;
import org.hall24.device.DeviceStatuses;
import org.hall24.identity.KioskSessions;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.UnifiedSocialCreditCode;
import org.hall24.simulator.PrintedDocument;
import org.hall24.simulator.SimulatedDevice;
import org.hall24.simulator.TestIdentity;
import org.hall24.simulator.internal.SimulatorRunner;
import org.hall24.testing.LivingHall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seed's example end to end in Chromium against the living hall (embedded broker, simulator,
 * real PDF): a card on the simulated reader, an accepted face, the physician item (变更医师执业注册),
 * the form with a Chinese error beside a field, a page from the simulated document camera, the
 * phone check, submit, the receipt the simulated printer received (parsed: item, filing number,
 * masked ID number), and the inactivity timeout wiping the screen.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hall24.kiosk.inactivity-timeout=20s", "hall24.kiosk.inactivity-warning=5s", "hall24.kiosk.inactivity-sweep=200ms"})
class KioskJourneyBrowserTest {

    static final String KIOSK = "JLP-YJP-GOV-01";

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
    @Autowired
    Applications applications;
    @Autowired
    JdbcClient jdbc;

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
        PairedKiosk.pair(browser, wait, url(""), KIOSK);
    }

    WebElement field(String name) {
        return browser.findElement(By.name(name));
    }

    void type(String name, String text) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
    }

    /** Taps the on-screen keyboard's hide key, as a citizen does to see the page under it. */
    void hideKeyboard() {
        List<WebElement> hide = browser.findElements(By.cssSelector("#kiosk-keyboard [data-action='hide']"));
        if (!hide.isEmpty() && hide.get(0).isDisplayed()) {
            hide.get(0).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kiosk-keyboard")));
        }
    }

    void click(String id) {
        hideKeyboard();
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    @Test
    void thePhysicianChangesInstitutionAtAKioskAndTakesThePrintedReceipt() throws Exception {
        pairThisBrowser();
        SimulatedDevice kiosk = kiosk();
        int printedBefore = kiosk.printed().size();

        TestIdentity person = kiosk.readCard();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("face-step")));
        kiosk.faceChecked(0.91, true);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));

        // Search with pinyin, open the item's guide, start.
        type("q", "yishi");
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-item='WJ-0001']")));
        Browser.screenshot(browser, "kiosk-journey-items");
        Axe.assertNoSeriousViolations(browser, "kiosk items with results");
        hideKeyboard();
        item.click();
        wait.until(ExpectedConditions.textToBe(By.id("item-name"), "变更医师执业注册"));
        Browser.screenshot(browser, "kiosk-journey-guide");
        Axe.assertNoSeriousViolations(browser, "kiosk item guide");
        click("start");

        // The generated form: name and ID number come from the card; a bad phone is refused beside its field.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='form']")));
        assertThat(field("physicianName").getAttribute("value")).isEqualTo(person.name());
        assertThat(browser.findElement(By.id("f-idNumber")).getText()).isEqualTo(ChineseIdNumber.of(person.idNumber()).masked());
        assertThat(field("newInstitution").getAttribute("inputmode")).isEqualTo("none");
        type("certificateNumber", "110500000012345");
        new Select(field("changeItem")).selectByVisibleText("执业机构");
        type("currentInstitution", "重庆市第一人民医院");
        type("newInstitution", "九龙坡区人民医院");
        String credit = "91500107MA5U00001";
        type("newInstitutionCreditCode", credit + UnifiedSocialCreditCode.checkCharacter(credit));
        new Select(field("practiceCategory")).selectByVisibleText("临床");
        type("practiceScope", "内科专业");
        type("phone", "1391234567");
        click("form-next");
        WebElement phoneError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("e-phone")));
        assertThat(phoneError.getText()).containsPattern("[\\u4e00-\\u9fa5]").contains("手机");
        assertThat(field("practiceScope").getAttribute("value")).as("nothing typed is lost").isEqualTo("内科专业");
        Browser.screenshot(browser, "kiosk-journey-form-error");
        hideKeyboard();
        Axe.assertNoSeriousViolations(browser, "kiosk form with an error");
        String phone = "139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        type("phone", phone);
        click("form-next");

        // Materials: the simulated document camera captures the physician's certificate.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='materials']")));
        assertThat(browser.findElement(By.cssSelector("[data-material='0']")).getAttribute("class")).contains("target");
        kiosk.captureDocument();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-material='0'] [data-attachment]")));
        Browser.screenshot(browser, "kiosk-journey-materials");
        Axe.assertNoSeriousViolations(browser, "kiosk materials");

        // A photo over the upload limit (htmx upload through the real container): refused beside the material.
        java.nio.file.Path huge = java.nio.file.Files.createTempFile("huge", ".jpg");
        byte[] bytes = new byte[25 * 1024 * 1024];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        java.nio.file.Files.write(huge, bytes);
        WebElement upload = browser.findElement(By.cssSelector("[data-material='0'] input[type='file']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].hidden = false;", upload);
        upload.sendKeys(huge.toString());
        WebElement tooLarge = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("material-error-0")));
        assertThat(tooLarge.getText()).contains("文件太大");
        assertThat(browser.findElements(By.cssSelector("[data-material='0'] [data-attachment]"))).as("the capture is kept").hasSize(1);
        java.nio.file.Files.delete(huge);
        click("materials-next");

        // The phone check by SMS code.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='phone']")));
        int before = org.hall24.testing.Phones.texts(phone).size();
        click("send-code");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        Matcher code = Pattern.compile("(\\d{6})").matcher(org.hall24.testing.Phones.awaitCodeAfter(phone, before));
        assertThat(code.find()).isTrue();
        type("code", code.group(1));
        click("verify-code");

        // Review with the ID number masked, then submit.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='review']")));
        String masked = ChineseIdNumber.of(person.idNumber()).masked();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(masked, "九龙坡区人民医院")
                .doesNotContain(person.idNumber());
        Browser.screenshot(browser, "kiosk-journey-review");
        Axe.assertNoSeriousViolations(browser, "kiosk review");
        kiosk.slowReplies(Duration.ofSeconds(3));
        click("submit");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='receipt']")));
        String number = browser.findElement(By.id("filing-number")).getText();
        assertThat(number).matches("JLP-YJP-\\d{8}-WJ-\\d{6}-[0-9A-Z]");
        // Printed after the response (the printer answers slowly here): the screen says so, then its print status
        // follows the print over the kiosk's live events, without reloading the page.
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("printing"))).getText()).contains("正在打印");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.hall24SamePage = true;");
        Browser.screenshot(browser, "kiosk-journey-printing");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("printed"))).getText()).contains("回执已打印");
        kiosk.slowReplies(Duration.ZERO);
        assertThat(browser.findElements(By.id("printing"))).isEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.hall24SamePage === true;"))
                .as("updated in place, not by reloading the page").isEqualTo(true);
        Browser.screenshot(browser, "kiosk-journey-receipt");
        Axe.assertNoSeriousViolations(browser, "kiosk receipt");
        assertThat(Browser.cspViolations(browser)).as("no Content-Security-Policy violation through the journey").isEmpty();

        // The receipt reached the simulated printer: a real PDF with the item, the number and the masked ID number.
        List<PrintedDocument> printed = kiosk.printed();
        assertThat(printed).hasSize(printedBefore + 1);
        try (PDDocument receipt = Loader.loadPDF(printed.get(0).content())) {
            String text = new PDFTextStripper().getText(receipt);
            assertThat(text).contains("受理回执", "变更医师执业注册", number, masked).doesNotContain(person.idNumber());
        }

        // Nobody touches the screen: the countdown, then the screen is wiped and the session forgotten.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countdown")));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='attract']")));
        assertThat(browser.findElements(By.id("identity-badge"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(number).doesNotContain(masked);
        assertThat(sessions.current(KIOSK)).isEmpty();
        assertThat(applications.filing(number, "test", "browser-test")).isPresent();
    }
}
