package org.hall24.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hall24.Hall24IntegrationTest;
import org.hall24.identity.KioskSessions;
import org.hall24.kiosk.KioskPairings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * Every kind of response carries the Content-Security-Policy (with a fresh nonce per response, the
 * one on the page's script tags), Referrer-Policy and Permissions-Policy: lobby guide, item page,
 * progress lookup, kiosk screens (paired or not), staff pages, sign-in, API, errors, static files.
 */
@Hall24IntegrationTest
class SecurityHeadersTest {

    static final String KIOSK = "JLP-YJP-RE-01";
    static final Pattern NONCE_IN_POLICY = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");
    static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
    static final Pattern NONCE_ATTRIBUTE = Pattern.compile("\\bnonce=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    KioskPairings pairings;
    @Autowired
    KioskSessions sessions;

    MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    static String assertHeaders(MockHttpServletResponse response) {
        String policy = response.getHeader("Content-Security-Policy");
        assertThat(policy).as("Content-Security-Policy").isNotNull()
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
                        "style-src-attr 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        Matcher nonce = NONCE_IN_POLICY.matcher(policy);
        assertThat(nonce.find()).as("a nonce in script-src: " + policy).isTrue();
        assertThat(policy).contains("style-src 'self' 'nonce-" + nonce.group(1) + "'");
        return nonce.group(1);
    }

    /** The nonce of the policy, asserted to be on every script tag of the page (which has at least one). */
    static String assertPageNonce(MockHttpServletResponse response) throws Exception {
        String nonce = assertHeaders(response);
        String page = response.getContentAsString();
        List<String> tags = new ArrayList<>();
        Matcher tag = SCRIPT_TAG.matcher(page);
        while (tag.find()) {
            tags.add(tag.group());
        }
        assertThat(tags).as("script tags").isNotEmpty().allSatisfy(t -> {
            Matcher attribute = NONCE_ATTRIBUTE.matcher(t);
            assertThat(attribute.find()).as("a nonce on " + t).isTrue();
            assertThat(attribute.group(1)).as(t).isEqualTo(nonce);
        });
        assertThat(page).as("no inline event handler").doesNotContainPattern("\\son(click|change|load|submit|input)=");
        assertThat(page).as("no style attribute").doesNotContainPattern("\\sstyle=\"");
        return nonce;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/guide/JLP-YJP", "/guide/JLP-YJP?q=%E6%88%B7%E5%8F%A3", "/guide/JLP-YJP/items/WJ-0001",
            "/guide/JLP-YJP/devices/JLP-YJP-POL-01", "/track", "/login"})
    void publicPagesCarryTheHeadersAndTheirScriptsTheNonce(String path) throws Exception {
        MockHttpServletResponse response = answer(get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertPageNonce(response);
    }

    @Test
    void theNonceIsNewForEveryResponse() throws Exception {
        String first = assertPageNonce(answer(get("/guide/JLP-YJP")));
        String second = assertPageNonce(answer(get("/guide/JLP-YJP")));
        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Base64.getDecoder().decode(first)).hasSize(16);
    }

    @Test
    void kioskScreensCarryTheHeaders() throws Exception {
        assertHeaders(answer(get("/kiosk")));
        String code = pairings.issueCode(KIOSK, "headers-test").code();
        Cookie paired = new Cookie("HALL24_KIOSK", ((KioskPairings.Paired) pairings.pair(code, "test", "10.1.1.7")).token());
        MockHttpServletResponse attract = answer(get("/kiosk").cookie(paired));
        assertThat(attract.getStatus()).isEqualTo(200);
        assertPageNonce(attract);
    }

    @Test
    void staffPagesAndTheirRedirectsCarryTheHeaders() throws Exception {
        MockHttpServletResponse redirect = answer(get("/admin/devices"));
        assertThat(redirect.getStatus()).isEqualTo(302);
        assertHeaders(redirect);
        MockHttpServletResponse monitor = answer(get("/admin/devices").with(user("admin").roles("ADMIN")));
        assertThat(monitor.getStatus()).isEqualTo(200);
        assertPageNonce(monitor);
        assertPageNonce(answer(get("/admin/catalog").with(user("admin").roles("ADMIN"))));
    }

    @Test
    void theApiStaticFilesAndErrorsCarryTheHeaders() throws Exception {
        MockHttpServletResponse api = answer(get("/api/v1/items"));
        assertThat(api.getStatus()).isEqualTo(200);
        assertHeaders(api);
        MockHttpServletResponse missing = answer(get("/api/v1/items/NO-SUCH-ITEM"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertHeaders(missing);
        assertHeaders(answer(get("/css/hall24.css")));
        assertHeaders(answer(get("/webjars/htmx.org/dist/htmx.min.js")));
        MockHttpServletResponse swagger = answer(get("/api/v1/swagger-ui/index.html"));
        assertThat(swagger.getStatus()).isEqualTo(200);
        assertThat(swagger.getHeader("Content-Security-Policy"))
                .as("Swagger UI alone may use inline styles; its scripts stay strict")
                .contains("style-src 'self' 'unsafe-inline'", "script-src 'self' 'nonce-").doesNotContain("unsafe-eval");
        MockHttpServletResponse notFound = answer(get("/guide/NO-SUCH-HALL"));
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertHeaders(notFound);
    }
}
