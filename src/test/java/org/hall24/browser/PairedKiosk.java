package org.hall24.browser;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.simulator.SimulatedDevice;
import org.hall24.simulator.internal.SimulatorRunner;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The kiosk browser tests' common start: an admin pairs this browser with a kiosk, whose simulated device is online. */
final class PairedKiosk {

    private PairedKiosk() {
    }

    /**
     * Signs in as the test admin, issues a pairing code for the kiosk at /admin/kiosks and enters
     * it at /kiosk/pair, as an installer does; returns the code.
     */
    static String pair(WebDriver browser, WebDriverWait wait, String baseUrl, String kiosk) {
        browser.get(baseUrl + "/admin/kiosks");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/admin/"));
        browser.get(baseUrl + "/admin/kiosks");
        browser.findElement(By.id("issue-" + kiosk)).click();
        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pairing-code"))).getText();
        browser.get(baseUrl + "/kiosk/pair");
        browser.findElement(By.id("code")).sendKeys(code, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-screen='attract']")));
        return code;
    }

    /** The kiosk's simulated device, once the simulator runs and the device is online. */
    static SimulatedDevice device(SimulatorRunner simulator, DeviceStatuses statuses, String kiosk) {
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.simulator().isPresent()
                && statuses.statusOf(kiosk) == DeviceStatus.ONLINE);
        return simulator.simulator().orElseThrow().device(kiosk);
    }
}
