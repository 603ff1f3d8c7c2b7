package org.hall24.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.CardRead;
import org.hall24.device.IdCard;
import org.hall24.identity.KioskSessions;
import org.hall24.identity.SessionEnd;
import org.hall24.kiosk.KioskPairings;
import org.hall24.testing.FaceReports;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.TestIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Uploads at the kiosk through the real servlet container (MockMvc applies no multipart limit): a
 * file over the container's upload limit and a picture of too many pixels are both answered on the
 * materials screen, beside the material, in the kiosk's language.
 */
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KioskUploadsTest {

    static final String KIOSK = "JLP-YJP-GOV-01";

    @LocalServerPort
    int port;
    @Autowired
    KioskPairings pairings;
    @Autowired
    KioskSessions sessions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Value("${hall24.identity.face.report-key}")
    String reportKey;

    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    String csrfHeader;
    String csrfToken;

    @BeforeEach
    void pairAndIdentify() throws Exception {
        String code = pairings.issueCode(KIOSK, "uploads-test").code();
        HttpCookie paired = new HttpCookie("HALL24_KIOSK", ((KioskPairings.Paired) pairings.pair(code, "test", "127.0.0.1")).token());
        paired.setPath("/");
        paired.setVersion(0);
        cookies.getCookieStore().add(URI.create(url("/")), paired);
        TestIdentity person = TestIdentities.generate(new Random(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        publisher.publishEvent(new CardRead(KIOSK, UUID.randomUUID(), Instant.now(), new IdCard(person.name(), person.sex(),
                person.ethnicity(), person.birthDate().toString(), person.address(), person.idNumber(), person.issuer(),
                person.validFrom().toString(), person.validTo().toString(), person.photo())));
        publisher.publishEvent(FaceReports.signed(reportKey, sessions.current(KIOSK).orElseThrow(), 0.93, true));
        assertThat(sessions.current(KIOSK)).hasValueSatisfying(s -> assertThat(s.verified()).isTrue());
    }

    @AfterEach
    void endSession() {
        sessions.current(KIOSK).ifPresent(s -> sessions.end(s.id(), SessionEnd.STAFF));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(response.body());
        Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"").matcher(response.body());
        if (token.find() && header.find()) {
            csrfToken = token.group(1);
            csrfHeader = header.group(1);
        }
        return response;
    }

    /** Starts SJ-0016 in the given language; the draft's URL and the material waiting for a file. */
    String[] startDraft(String lang) throws Exception {
        assertThat(get("/kiosk/items?lang=" + lang).statusCode()).isEqualTo(200);
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(url("/kiosk/items/SJ-0016/start")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfToken)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(302);
        String form = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        String draft = form.substring(0, form.lastIndexOf('/'));
        String materials = get(draft + "/materials").body();
        Matcher m = Pattern.compile("class=\"kiosk-material target\"[^>]*data-material=\"(\\d+)\"").matcher(materials);
        assertThat(m.find()).isTrue();
        return new String[] {draft, m.group(1)};
    }

    /** Uploads a file to a material as the materials screen's htmx form does. */
    HttpResponse<String> upload(String draft, String index, byte[] file) throws Exception {
        String boundary = "----hall24" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nCAMERA\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url(draft + "/materials/" + index)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("HX-Request", "true")
                .header(csrfHeader, csrfToken)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] overTheUploadLimit() throws IOException {
        byte[] huge = new byte[25 * 1024 * 1024];
        byte[] jpeg = jpeg();
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        return huge;
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedBesideTheMaterialInChinese() throws Exception {
        String[] draft = startDraft("zh-CN");

        HttpResponse<String> refused = upload(draft[0], draft[1], overTheUploadLimit());

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"materials-list\"", "id=\"material-error-" + draft[1] + "\"", "文件太大")
                .doesNotContain("<html");
        assertThat(get(draft[0] + "/materials").body()).as("the session and its draft are still there")
                .contains("data-screen=\"materials\"");
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedBesideTheMaterialInEnglish() throws Exception {
        String[] draft = startDraft("en");

        HttpResponse<String> refused = upload(draft[0], draft[1], overTheUploadLimit());

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"material-error-" + draft[1] + "\"", "The file is too large");
    }

    @Test
    void aPictureDeclaringTooManyPixelsIsRefusedForItsPixelsInBothLanguages() throws Exception {
        String[] zh = startDraft("zh-CN");
        HttpResponse<String> refused = upload(zh[0], zh[1], pngDeclaring(9000, 9000));
        assertThat(refused.body()).contains("id=\"material-error-" + zh[1] + "\"", "像素太多").doesNotContain("文件太大");

        String[] en = startDraft("en");
        assertThat(upload(en[0], en[1], pngDeclaring(9000, 9000)).body()).contains("id=\"material-error-" + en[1] + "\"",
                "too many pixels").doesNotContain("too large");
    }

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(20, 20, 200, 100);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** A small PNG whose header declares {@code width × height} pixels: a decompression bomb's shape. */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return png;
    }
}
