package org.hall24.applications.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hall24.platform.demo.DemoPart;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public address on this machine as a demo part: every receipt's QR code opens
 * {@code <hall24.public-base-url>/track}, so unset, not an absolute http(s) address, or on a
 * loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}, {@code 0.0.0.0}) it
 * sends a citizen's phone nowhere.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationsDemoParts {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    @Bean
    DemoPart publicBaseUrlDemoPart(@Value("${hall24.public-base-url:}") String url) {
        return new DemoPart("a public address on this machine (" + (url.isBlank() ? "unset" : url)
                + "), which every receipt's QR code points at", "hall24.public-base-url", !isPublic(url),
                "set hall24.public-base-url to the address citizens' phones reach this deployment at, e.g. https://hall24.example.gov.cn");
    }

    /** Whether {@code url} is an absolute http(s) address whose host is not this machine (no name is looked up). */
    static boolean isPublic(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || host.isEmpty()) {
            return false;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean local = host.equals("localhost") || host.endsWith(".localhost") || LOOPBACK_V4.matcher(host).matches()
                || host.equals("0.0.0.0") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::");
        return !local;
    }
}
