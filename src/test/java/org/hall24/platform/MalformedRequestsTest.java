package org.hall24.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.hall24.Hall24IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests as a careless client or a probe sends them, through the real server (Tomcat decodes the
 * query string, which MockMvc does not): broken %-encoding, a cut UTF-8 sequence, the error page
 * itself. Issue 9, point 17.
 */
@Hall24IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestsTest {

    @LocalServerPort
    int port;

    @Test
    void anApiQueryWithBrokenPercentEncodingIsA400Problem() throws IOException {
        for (String query : new String[] {"q=abc%zz", "q=%E4%B8", "q=%"}) {
            String answer = get("/api/v1/items?" + query);
            assertThat(status(answer)).as(query).isEqualTo(400);
            assertThat(header(answer, "Content-Type")).as(query).startsWith("application/problem+json");
            assertThat(body(answer)).as(query).contains("\"status\":400").doesNotContain("Exception");
        }
    }

    @Test
    void aGuideQueryWithBrokenPercentEncodingIsA400Page() throws IOException {
        String answer = get("/guide/JLP-YJP?q=abc%zz", "Accept: text/html");
        assertThat(status(answer)).isEqualTo(400);
        assertThat(header(answer, "Content-Type")).startsWith("text/html");
        assertThat(body(answer)).doesNotContain("Exception").contains("网址有误").doesNotContain("请稍后再试");
    }

    @Test
    void theGuideKeepsTheSearchWhenItRedirectsToTheDefaultHall() throws IOException {
        String answer = get("/guide?q=%E8%BA%AB%E4%BB%BD%E8%AF%81&scope=NATIONWIDE");
        assertThat(status(answer)).isEqualTo(302);
        assertThat(header(answer, "Location")).endsWith("/guide/JLP-YJP?q=%E8%BA%AB%E4%BB%BD%E8%AF%81&scope=NATIONWIDE");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws IOException {
        assertThat(status(get("/error"))).isEqualTo(404);
        String api = get("/error", "Accept: application/json");
        assertThat(status(api)).isEqualTo(404);
        assertThat(body(api)).doesNotContain("999");
    }

    private String get(String target, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static String header(String answer, String name) {
        for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
