package org.hall24.bench.gatling;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark's setup over plain HTTP, before any virtual kiosk starts: the admin signs in on the
 * form at {@code /login} (CSRF token from the page), replaces the initial password as the first
 * sign-in must ({@code /staff/password}), issues a pairing code per kiosk device
 * ({@code POST /admin/kiosks/{code}/pairing-code}, the 8 digits parsed from the answer), and each
 * kiosk's own browser (a client with its own cookie jar) pairs at {@code /kiosk/pair}, receiving
 * the {@code HALL24_KIOSK} cookie. The admin's session cookie is kept for reading the codes on the simulated phones (/admin/simulator/phones).
 */
final class AdminSetup {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");
    private static final Pattern PAIRING_CODE = Pattern.compile("id=\"pairing-code\">(\\d{8})<");
    private static final Pattern KIOSK_COOKIE = Pattern.compile("HALL24_KIOSK=([^;]+)");

    private final String baseUrl;
    private final CookieManager adminCookies = new CookieManager();
    private final HttpClient admin;
    private String adminCsrf = "";

    AdminSetup(String baseUrl) {
        this.baseUrl = baseUrl;
        this.admin = HttpClient.newBuilder().cookieHandler(adminCookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    void signIn(String password) throws IOException, InterruptedException {
        String loginPage = get(admin, "/login").body();
        HttpResponse<String> login = post(admin, "/login",
                Map.of("username", "admin", "password", password, "_csrf", csrf(loginPage)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("admin sign-in failed: " + login.statusCode() + " " + location);
        }
        if (location.endsWith("/staff/password")) {
            changeInitialPassword(password);
        }
        // The token changes at sign-in: take the new one from an admin page.
        adminCsrf = csrf(get(admin, "/admin/kiosks").body());
    }

    /**
     * The first sign-in with the initial password leads to the change-password page, and no admin page
     * opens until the password is changed: the benchmark sets a new one (the initial one with a suffix;
     * the app is fresh at every run, so it never signs in again) and keeps the session.
     */
    private void changeInitialPassword(String initial) throws IOException, InterruptedException {
        String next = initial + "-changed-by-bench";
        HttpResponse<String> changed = post(admin, "/staff/password", Map.of("current", initial, "next", next,
                "confirmation", next, "_csrf", csrf(get(admin, "/staff/password").body())));
        String location = changed.headers().firstValue("Location").orElse("");
        if (changed.statusCode() != 302 || !location.endsWith("/admin/catalog")) {
            throw new IllegalStateException("changing the admin's initial password failed: " + changed.statusCode() + " " + location);
        }
    }

    /** The admin's session id, for requests a virtual kiosk makes on the admin's behalf. */
    String adminSessionId() {
        return adminCookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no admin session"));
    }

    /** Issues a pairing code for the device and pairs a new browser with it; returns its HALL24_KIOSK cookie value. */
    String pair(String deviceCode) throws IOException, InterruptedException {
        HttpResponse<String> issued = post(admin, "/admin/kiosks/" + deviceCode + "/pairing-code", Map.of("_csrf", adminCsrf));
        Matcher code = PAIRING_CODE.matcher(issued.body());
        if (issued.statusCode() != 200 || !code.find()) {
            throw new IllegalStateException("no pairing code for " + deviceCode + " (HTTP " + issued.statusCode() + ")");
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        String pairPage = get(browser, "/kiosk/pair").body();
        HttpResponse<String> paired = post(browser, "/kiosk/pair", Map.of("code", code.group(1), "_csrf", csrf(pairPage)));
        String cookie = paired.headers().allValues("Set-Cookie").stream().map(KIOSK_COOKIE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("pairing " + deviceCode + " gave no cookie (HTTP " + paired.statusCode() + ")"));
        if (paired.statusCode() != 302) {
            throw new IllegalStateException("pairing " + deviceCode + " answered " + paired.statusCode());
        }
        return cookie;
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
