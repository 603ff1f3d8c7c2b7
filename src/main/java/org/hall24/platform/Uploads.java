package org.hall24.platform;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads over the multipart limit ({@code spring.servlet.multipart.max-request-size}) are answered
 * by the page that takes them, not by the container: the multipart body is parsed lazily
 * ({@code spring.servlet.multipart.resolve-lazily=true}), so the handler meets the limit as a
 * {@link org.springframework.web.multipart.MaxUploadSizeExceededException} and answers in its own
 * words; and Tomcat reads and discards the rest of a refused upload (up to
 * {@code server.tomcat.max-swallow-size}) instead of closing the connection under the browser,
 * which would lose that answer.
 */
@Configuration(proxyBeanMethods = false)
class Uploads {

    @Bean
    TomcatContextCustomizer swallowAbortedUploads() {
        return context -> context.setSwallowAbortedUploads(true);
    }
}
