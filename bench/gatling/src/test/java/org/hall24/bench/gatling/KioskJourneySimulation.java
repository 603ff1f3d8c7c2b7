package org.hall24.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The kiosk journey of issue 4 against one app node (a benchmark, not a test: {@code bench/kiosks.sh}
 * runs it). Each virtual user is one kiosk: its own paired browser (cookie jar with
 * {@code HALL24_KIOSK}) and its own device ({@code BENCH-SIM-nnnnn} over MQTT, see {@link BenchKiosk}).
 * A journey: card read → face → search → guide → start → form → materials (document camera on odd
 * journeys, upload on even ones) → phone code (read on the simulated phones, as the admin) → review → submit
 * (answers at once; the receipt prints after the response) → receipt, polled until printed → end; then the next citizen's card.
 * <p>
 * System properties: {@code baseUrl}, {@code mqttHost}, {@code mqttPort}, {@code credentials} (the
 * app's credentials file), {@code adminPassword}, {@code faceKey}, {@code kiosks} (virtual kiosks),
 * {@code rampSeconds}, {@code steadySeconds}, {@code out} (where {@code journey-summary.properties}
 * goes).
 */
public class KioskJourneySimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final String MQTT_HOST = System.getProperty("mqttHost", "127.0.0.1");
    private static final int MQTT_PORT = Integer.getInteger("mqttPort", 1883);
    private static final Path CREDENTIALS = Path.of(System.getProperty("credentials", "data/simulator/credentials.properties"));
    private static final String ADMIN_PASSWORD = System.getProperty("adminPassword", "");
    private static final String FACE_KEY = System.getProperty("faceKey", "hall24-demo-face-report-key-change-me");
    private static final int KIOSKS = Integer.getInteger("kiosks", 200);
    private static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", 30);
    private static final int STEADY_SECONDS = Integer.getInteger("steadySeconds", 120);
    private static final Path OUT = Path.of(System.getProperty("out", "target"));
    /** Between two polls of a screen that waits for a device event. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int MAX_POLLS = 200;
    private static final double FACE_SCORE = 0.93;
    private static final String ITEM = "WJ-0001";
    private static final String CREDIT_CODE = "91500107MA5U00001A";

    private static final List<BenchKiosk> kiosks = new ArrayList<>();
    private static final AtomicInteger nextKiosk = new AtomicInteger();
    private static final AtomicLong nextPhone = new AtomicLong();
    private static final ConcurrentLinkedQueue<Long> receipts = new ConcurrentLinkedQueue<>();
    private static final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "bench-kiosk-telemetry");
        t.setDaemon(true);
        return t;
    });
    private static volatile String adminSessionId = "";
    private static volatile long loadStart;

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .userAgentHeader("Hall24-bench-kiosk (Gatling)")
            .disableCaching();

    // --- small helpers ------------------------------------------------------------------------------

    private static BenchKiosk kiosk(Session session) {
        return kiosks.get(session.getInt("kiosk"));
    }

    /**
     * Polls {@code path} as the kiosk screen's htmx does on a server-sent event (header
     * {@code HX-Request}: only the panel is rendered) until {@code found} saves {@code found};
     * fails after MAX_POLLS. The kiosk's browser reloads on the SSE event instead of polling; the
     * poll's extra requests are the benchmark's price for not holding the event stream.
     */
    private static ChainBuilder pollUntil(String request, String path, CheckBuilder found) {
        return exec(session -> session.remove("found").set("polls", 0))
                .asLongAs(session -> !session.contains("found") && session.getInt("polls") < MAX_POLLS).on(
                        exec(http(request).get(path).header("HX-Request", "true").check(status().in(200, 302), found))
                                .exec(session -> session.set("polls", session.getInt("polls") + 1))
                                .doIf(session -> !session.contains("found")).then(pause(POLL)))
                .exec(session -> session.contains("found") ? session
                        : session.markAsFailed())
                .exitHereIfFailed();
    }

    private static ChainBuilder csrfFrom(String request, String path) {
        return exec(http(request).get(path).check(status().is(200), css("meta[name=_csrf]", "content").saveAs("csrf")));
    }

    // --- the journey --------------------------------------------------------------------------------

    private static final ChainBuilder identify = group("01 identify: card -> face screen").on(
            exec(session -> {
                TestCards.Card card = TestCards.next();
                kiosk(session).cardRead(card);
                long n = nextPhone.incrementAndGet();
                String phone = String.format(Locale.ROOT, "139%04d%04d", (n / 10_000) % 10_000, n % 10_000);
                return session.set("name", card.name()).set("idNumber", card.idNumber()).set("phone", phone)
                        .set("maskedPhone", phone.substring(0, 3) + "\\*\\*\\*\\*" + phone.substring(7))
                        .set("journey", session.getInt("journey") + 1);
            }),
            pollUntil("01 poll /kiosk/identify (htmx panel)", "/kiosk/identify",
                    substring("id=\"face-step\"").optional().saveAs("found")));

    private static final ChainBuilder verify = group("02 verify: face -> verified").on(
            exec(session -> {
                kiosk(session).faceChecked(FACE_SCORE);
                return session;
            }),
            pollUntil("02 poll /kiosk/identify (htmx, until HX-Redirect)", "/kiosk/identify",
                    header("HX-Redirect").optional().saveAs("found")));

    private static final ChainBuilder items = exec(
            http("03 search items?q=yishi").get("/kiosk/items").queryParam("q", "yishi")
                    .check(status().is(200), substring("data-item=\"" + ITEM + "\"").exists(),
                            css("meta[name=_csrf]", "content").saveAs("csrf")),
            http("04 guide").get("/kiosk/items/" + ITEM).check(status().is(200), substring("id=\"start\"").exists()),
            http("05 start draft").post("/kiosk/items/" + ITEM + "/start").formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").transform(l -> l.replaceAll("^.*/kiosk/drafts/([0-9a-f-]{36})/form$", "$1"))
                            .saveAs("draft")),
            http("06 form").get("/kiosk/drafts/#{draft}/form")
                    .check(status().is(200), substring("name=\"physicianName\"").exists()),
            http("07 save form").post("/kiosk/drafts/#{draft}/form")
                    .formParam("_csrf", "#{csrf}")
                    .formParam("physicianName", "#{name}")
                    .formParam("idNumber", "#{idNumber}")
                    .formParam("certificateNumber", "110500000012345")
                    .formParam("changeItem", "INSTITUTION")
                    .formParam("currentInstitution", "重庆市第一人民医院")
                    .formParam("newInstitution", "九龙坡区人民医院")
                    .formParam("newInstitutionCreditCode", CREDIT_CODE)
                    .formParam("practiceCategory", "CLINICAL")
                    .formParam("practiceScope", "内科专业")
                    .formParam("phone", "#{phone}")
                    .check(status().is(302), header("Location").find().transform(l -> l.endsWith("/materials")).is(true)));

    private static final ChainBuilder materials = exec(
            http("08 materials").get("/kiosk/drafts/#{draft}/materials")
                    .check(status().is(200), regex("class=\"kiosk-material target\"[^>]*data-material=\"(\\d+)\"").saveAs("target")))
            .doIfOrElse(session -> session.getInt("journey") % 2 == 1).then(
                    group("08 materials: document camera -> attachment shown").on(
                            exec(session -> {
                                kiosk(session).documentCaptured(TestCards.PAGE_BASE64);
                                return session;
                            }),
                            pollUntil("08 poll /materials (htmx list)", "/kiosk/drafts/#{draft}/materials",
                                    substring("data-attachment=").optional().saveAs("found"))))
            .orElse(
                    exec(http("08 materials: upload").post("/kiosk/drafts/#{draft}/materials/#{target}")
                            .header("X-CSRF-TOKEN", "#{csrf}")
                            .bodyPart(ByteArrayBodyPart("file", TestCards.PAGE_JPEG).fileName("page.jpg").contentType("image/jpeg"))
                            .check(status().is(200), substring("data-attachment=").exists())))
            .exec(http("09 materials done").post("/kiosk/drafts/#{draft}/materials/done").formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").find().transform(l -> l.endsWith("/phone")).is(true)));

    /**
     * The code reaches the phone over SMPP (the simulated carrier SMSC); the outbox masks it. Read it on
     * the simulator's phones page with the admin's session, polling until it arrived (each journey has a
     * phone of its own), then give the kiosk its own session back.
     */
    private static final ChainBuilder phone = exec(
            http("10a phone: send code").post("/kiosk/drafts/#{draft}/phone/send").formParam("_csrf", "#{csrf}")
                    .check(status().is(200)))
            .exec(getCookieValue(CookieKey("JSESSIONID").saveAs("kioskSession")))
            .exec(addCookie(Cookie("JSESSIONID", session -> adminSessionId)))
            .exec(pollUntil("x admin: read code on the simulated phones", "/admin/simulator/phones",
                    regex(session -> "id=\"phone-" + session.getString("phone") + "\"(?:(?!<section)[\\s\\S])*?验证码是(\\d{6})")
                            .optional().saveAs("found")))
            .exec(session -> session.set("smsCode", session.getString("found")))
            .exec(addCookie(Cookie("JSESSIONID", "#{kioskSession}")))
            .exitHereIfFailed()
            .exec(http("10b phone: verify code").post("/kiosk/drafts/#{draft}/phone/verify")
                    .formParam("_csrf", "#{csrf}").formParam("code", "#{smsCode}")
                    .check(status().is(302), header("Location").find().transform(l -> l.endsWith("/review")).is(true)));

    private static final ChainBuilder submit = exec(
            http("11 review").get("/kiosk/drafts/#{draft}/review").check(status().is(200), substring("id=\"submit\"").exists()),
            http("12 submit").post("/kiosk/drafts/#{draft}/submit").formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").transform(l -> l.replaceAll("^.*/kiosk/filings/", ""))
                            .saveAs("filing")),
            group("13 receipt: submitted -> printed").on(
                    pollUntil("13 poll receipt (until printed)", "/kiosk/filings/#{filing}",
                            substring("id=\"printed\"").optional().saveAs("found"))))
            .exec(session -> {
                receipts.add(System.currentTimeMillis());
                return session;
            })
            .exec(http("14 end session").post("/kiosk/session/end").formParam("_csrf", "#{csrf}").check(status().is(302)));

    private static final ChainBuilder journey = exitBlockOnFail().on(identify, verify, items, materials, phone, submit);

    private final ScenarioBuilder scenario = scenario("kiosk journey")
            .exec(session -> session.set("kiosk", nextKiosk.getAndIncrement()).set("journey", 0))
            .exec(addCookie(Cookie("HALL24_KIOSK", session -> kiosk(session).pairingToken)))
            .exec(csrfFrom("00 start screen", "/kiosk"))
            .during(Duration.ofSeconds(RAMP_SECONDS + STEADY_SECONDS)).on(
                    exec(journey)
                            // a journey that failed half-way leaves its session: end it before the next card
                            .doIf(Session::isFailed).then(
                                    exec(session -> session.markAsSucceeded()),
                                    exec(http("x end session after a failure").post("/kiosk/session/end").formParam("_csrf", "#{csrf}")
                                            .check(status().in(302, 403)))));

    {
        setUp(scenario.injectOpen(rampUsers(KIOSKS).during(Duration.ofSeconds(RAMP_SECONDS)))).protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP_SECONDS + STEADY_SECONDS + 90));
    }

    // --- before and after ---------------------------------------------------------------------------

    @Override
    public void before() {
        try {
            Properties credentials = new Properties();
            try (Reader in = Files.newBufferedReader(CREDENTIALS, StandardCharsets.UTF_8)) {
                credentials.load(in);
            }
            List<String> codes = credentials.stringPropertyNames().stream().filter(c -> c.startsWith("BENCH-SIM-")).sorted()
                    .limit(KIOSKS).toList();
            if (codes.size() < KIOSKS) {
                throw new IllegalStateException("need " + KIOSKS + " BENCH-SIM devices in " + CREDENTIALS + ", found " + codes.size());
            }
            long started = System.nanoTime();
            AdminSetup setup = new AdminSetup(BASE_URL);
            setup.signIn(ADMIN_PASSWORD);
            adminSessionId = setup.adminSessionId();
            for (String code : codes) {
                kiosks.add(new BenchKiosk(code, "BENCH", credentials.getProperty(code).strip(), setup.pair(code),
                        URI.create("tcp://" + MQTT_HOST).getHost(), MQTT_PORT, FACE_KEY));
            }
            log("paired %d kiosks in %.1f s", kiosks.size(), (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            List<CompletableFuture<Void>> connecting = new ArrayList<>();
            for (BenchKiosk kiosk : kiosks) {
                connecting.add(kiosk.connect(timers));
                Thread.sleep(20);
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            log("connected %d kiosk devices to the broker in %.1f s (%d attempts retried)", kiosks.size(),
                    (System.nanoTime() - started) / 1e9, BenchKiosk.RECONNECTS.get());
            loadStart = System.currentTimeMillis();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (Exception e) {
            throw new IllegalStateException("setup failed: " + e, e);
        }
    }

    @Override
    public void after() {
        long steadyFrom = loadStart + RAMP_SECONDS * 1000L;
        long steadyTo = steadyFrom + STEADY_SECONDS * 1000L;
        long inWindow = receipts.stream().filter(t -> t >= steadyFrom && t < steadyTo).count();
        var device = BenchKiosk.totals();
        String summary = String.format(Locale.ROOT, """
                kiosks=%d
                ramp_seconds=%d
                steady_seconds=%d
                steady_from_epoch_ms=%d
                steady_to_epoch_ms=%d
                filings_with_receipt_total=%d
                filings_with_receipt_steady=%d
                filings_with_receipt_per_s=%.2f
                journeys_started=%d
                device_commands=%d
                device_prints_ok=%d
                device_prints_not_pdf=%d
                device_printed_bytes=%d
                device_publish_failures=%d
                device_connect_retries=%d
                """, KIOSKS, RAMP_SECONDS, STEADY_SECONDS, steadyFrom, steadyTo, receipts.size(), inWindow,
                inWindow / (double) STEADY_SECONDS, nextPhone.get(), device.get("commands"), device.get("prints_ok"),
                device.get("prints_not_pdf"), device.get("printed_bytes"), device.get("publish_failures"), device.get("connect_retries"));
        log("RESULT%n%s", summary);
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("journey-summary.properties"), summary);
        }
        catch (IOException e) {
            log("cannot write the summary: %s", e);
        }
        List<CompletableFuture<?>> closing = kiosks.stream().<CompletableFuture<?>>map(BenchKiosk::close).toList();
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            log("not every kiosk device disconnected cleanly: %s", e);
        }
        timers.shutdownNow();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "kiosk-journey: " + format + "%n", args);
    }
}
