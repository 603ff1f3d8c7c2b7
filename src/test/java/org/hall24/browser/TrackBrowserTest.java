package org.hall24.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.shared.Applicant;
import org.hall24.applications.Applications;
import org.hall24.applications.Draft;
import org.hall24.applications.Filing;
import org.hall24.applications.FilingStatus;
import org.hall24.applications.FormsTestAccess;
import org.hall24.applications.MaterialSource;
import org.hall24.catalog.Catalog;
import org.hall24.notifications.Notifications;
import org.hall24.testing.Phones;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.shared.MobileNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen scans the receipt's QR code with a phone: the number is filled in, a code arrives by
 * SMS (the page names no phone), a wrong code is refused beside the field, the right one shows the timeline.
 */
@Tag("browser")
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrackBrowserTest {

    static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    @LocalServerPort
    int port;
    @Autowired
    Applications applications;
    @Autowired
    Catalog catalog;
    @Autowired
    Notifications notifications;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(412, 900));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    Filing file(String phone) {
        String first17 = "50010719920315234";
        Applicant applicant = new Applicant("司马浏览", ChineseIdNumber.of(first17 + ChineseIdNumber.checkCharacter(first17)), null,
                MobileNumber.of(phone));
        Draft draft = applications.openDraft("s-" + UUID.randomUUID(), "JLP-YJP-GOV-01", catalog.item("WJ-0001").orElseThrow(),
                applicant);
        Map<String, String> form = new HashMap<>(FormsTestAccess.physician());
        form.putAll(draft.submitted());
        applications.saveForm(draft.id(), form, Locale.SIMPLIFIED_CHINESE);
        applications.addMaterial(draft.id(), 3, FormsTestAccess.jpeg(), null, MaterialSource.DOCUMENT_CAMERA);
        return applications.submit(draft.id(), "k-" + UUID.randomUUID(), "JLP-YJP", "kiosk:JLP-YJP-GOV-01");
    }

    @Test
    void aCitizenFollowsTheFilingFromTheReceiptsQrCode() {
        String phone = "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        Filing filing = file(phone);
        applications.transition(filing.number(), FilingStatus.ACCEPTED, "clerk", "");
        applications.transition(filing.number(), FilingStatus.IN_REVIEW, "reviewer", "");

        browser.get("http://localhost:" + port + "/track?number=" + filing.number());
        assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEqualTo(filing.number());
        Axe.assertNoSeriousViolations(browser, "progress lookup");
        browser.findElement(By.id("send-code")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
        assertThat(browser.findElement(By.id("code-sent")).getText()).as("no phone shown before the code")
                .isEqualTo("如该申办编号存在且申请时登记了手机，验证码已发送至该手机，5 分钟内有效。")
                .doesNotContain(MobileNumber.of(phone).masked());

        browser.findElement(By.id("code")).sendKeys("999999x");
        browser.findElement(By.id("verify")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-error")));
        assertThat(browser.findElement(By.id("code-error")).getText()).isEqualTo("验证码不正确，请重新输入");
        Axe.assertNoSeriousViolations(browser, "progress lookup with a wrong code");

        // The SMS is queued after the request commits.
        String code = Phones.codeIn(Phones.awaitText(phone, "验证码"));
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("verify")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));

        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("审核中");
        assertThat(browser.findElement(By.id("applicant")).getText()).isEqualTo("司***");
        List<String> steps = browser.findElements(By.cssSelector("#timeline .status")).stream().map(WebElement::getText).toList();
        assertThat(steps).containsExactly("审核中", "已受理", "已提交");
        Browser.screenshot(browser, "track-timeline");
        Axe.assertNoSeriousViolations(browser, "filing timeline");

        browser.findElement(By.id("lang-en")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("status"), "In review"));
        assertThat(browser.findElement(By.id("item-name")).getText()).isEqualTo("Change of physician practice registration");
        assertThat(Browser.cspViolations(browser)).as("no Content-Security-Policy violation on the way").isEmpty();
    }
}
