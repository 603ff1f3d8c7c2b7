package org.hall24.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core (the WebJar {@code org.webjars.npm:axe-core}, test scope) run in the page a browser test has
 * open. {@link #assertNoSeriousViolations} injects axe (through WebDriver, so the page's
 * Content-Security-Policy does not apply to it), runs every WCAG 2.x A/AA rule and best practice on the
 * whole document, and fails listing rule id, impact, help and target nodes of each {@code serious} or
 * {@code critical} violation.
 */
final class Axe {

    static final String VERSION = new WebJarVersionLocator().version("axe-core");
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static volatile String source;

    private Axe() {
    }

    /**
     * The page's serious and critical violations, one line each: rule id, impact, help and target nodes.
     * One rule is waived where its reason is met on the page itself: {@code meta-viewport} (pinch zoom
     * disabled) on a kiosk screen that shows the kiosk's own 大字 / larger-text switch ({@code #text-size}),
     * the alternative the kiosk offers instead (docs/kiosk.md).
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var sizeSwitch = document.getElementById('text-size');
                var waived = sizeSwitch && sizeSwitch.offsetParent !== null ? {'meta-viewport': {enabled: false}} : {};
                axe.run(document, {resultTypes: ['violations'], rules: waived})
                    .then(function (r) {
                        done(r.violations.map(function (v) {
                            return {id: v.id, impact: v.impact || '', help: v.help,
                                    targets: v.nodes.map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '); })};
                        }));
                    })
                    .catch(function (e) { done('axe failed: ' + e); });
                """);
        if (answer instanceof String error) {
            throw new IllegalStateException(error);
        }
        return ((List<Map<String, Object>>) answer).stream()
                .filter(v -> FAILING_IMPACTS.contains(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n      "
                        + ((List<String>) v.get("targets")).stream().collect(Collectors.joining("\n      ")))
                .toList();
    }

    /** Fails, naming the page, rule, impact and nodes, if axe finds any serious or critical violation. */
    static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<String> violations = seriousViolations(driver);
        if (!violations.isEmpty()) {
            fail("axe-core " + VERSION + " found " + violations.size() + " serious or critical violation(s) on " + page
                    + " (" + driver.getCurrentUrl() + "):\n  " + String.join("\n  ", violations));
        }
    }

    private static String source() {
        if (source == null) {
            String path = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test classpath: " + path);
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
