package org.hall24.platform;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser-side security headers on every response, pages, API, static files and errors alike
 * (ADR "Content-Security-Policy with a nonce"; docs/operations.md):
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts and styles only from this origin or carrying this
 *       response's nonce (the request attribute {@value #NONCE_ATTRIBUTE}, which templates put on
 *       their {@code <script>} and {@code <style>} tags); no inline event handlers, no
 *       {@code style="…"} attributes, no {@code eval}; nothing framed, no plugins, forms post only here.
 *       Swagger UI's pages alone may use inline styles ({@link #SWAGGER_UI}).</li>
 *   <li>{@code Referrer-Policy: same-origin}: the progress pages carry filing numbers in their URLs,
 *       so no other site ever learns a URL of ours.</li>
 *   <li>{@code Permissions-Policy}: every powerful feature off. No page uses the camera or microphone
 *       in the browser (the kiosk's document camera is a device behind MQTT; the materials screen's
 *       file input hands over to the operating system), so none is allowed anywhere.</li>
 * </ul>
 * The filter runs before Spring Security, so redirects to the sign-in page and 401/403 answers carry
 * the headers too, and again on the error dispatch with the same nonce.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    /** The request attribute holding this response's CSP nonce (base64, 128 random bits). */
    static final String NONCE_ATTRIBUTE = "cspNonce";

    static final String REFERRER_POLICY = "same-origin";

    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()",
            "geolocation=()", "gyroscope=()", "hid=()", "magnetometer=()", "microphone=()", "midi=()",
            "payment=()", "publickey-credentials-get=()", "screen-wake-lock=()", "serial=()", "usb=()",
            "xr-spatial-tracking=()");

    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<Filter>(new HeadersFilter());
        registration.setName("securityHeaders");
        // Before Spring Security's filter chain (order -100) and everything else that may answer early.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
        return registration;
    }

    /**
     * Swagger UI's bundle (springdoc, {@code springdoc.swagger-ui.path=/api/v1/docs}) inserts a
     * {@code <style>} element of its own; on its pages alone, inline styles are allowed. Scripts stay strict.
     */
    static final List<String> SWAGGER_UI = List.of("/api/v1/swagger-ui/", "/swagger-ui/");

    /** The policy for one response. */
    static String contentSecurityPolicy(String nonce) {
        return contentSecurityPolicy(nonce, false);
    }

    static String contentSecurityPolicy(String nonce, boolean inlineStyles) {
        String n = "'nonce-" + nonce + "'";
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' " + n,
                // A nonce in style-src would make browsers ignore 'unsafe-inline'.
                inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self' " + n,
                inlineStyles ? "style-src-attr 'unsafe-inline'" : "style-src-attr 'none'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "media-src 'self' blob:",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    static final class HeadersFilter implements Filter {

        private final SecureRandom random = new SecureRandom();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse http) {
                // The error dispatch of the same request keeps the nonce its page was started with.
                Object existing = request.getAttribute(NONCE_ATTRIBUTE);
                String nonce = existing instanceof String s ? s : newNonce();
                request.setAttribute(NONCE_ATTRIBUTE, nonce);
                String path = httpRequest.getRequestURI().substring(httpRequest.getContextPath().length());
                http.setHeader("Content-Security-Policy",
                        contentSecurityPolicy(nonce, SWAGGER_UI.stream().anyMatch(path::startsWith)));
                http.setHeader("Referrer-Policy", REFERRER_POLICY);
                http.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
            }
            chain.doFilter(request, response);
        }

        private String newNonce() {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    }
}
