package org.hall24.platform.pdf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's font, renderer and the {@code pdfFont} health contributor. A missing font is
 * {@link #DEGRADED}, not DOWN: the node still serves the guide, the kiosks' forms and the devices,
 * so a load balancer must not drop it; {@code /actuator/health/printing} answers 503 for it
 * (application.properties orders the statuses, docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PdfProperties.class)
class PdfConfiguration {

    /** Up but unable to print: ranks below UP in the overall health, first in the printing group. */
    static final Status DEGRADED = new Status("DEGRADED", "Receipts and print-outs cannot be rendered");

    @Bean
    PdfFonts pdfFonts(PdfProperties properties) {
        return PdfFonts.resolve(properties, CjkFont.SYSTEM_CANDIDATES);
    }

    @Bean
    PdfRenderer pdfRenderer(PdfFonts fonts) {
        return new PdfRenderer(fonts::require);
    }

    /** UP with the font's name and source; DEGRADED with the fix when receipts cannot be rendered. */
    @Bean
    HealthIndicator pdfFontHealthIndicator(PdfFonts fonts) {
        return () -> fonts.font()
                .map(f -> Health.up().withDetail("font", f.postScriptName()).withDetail("source", f.source()).build())
                .orElseGet(() -> Health.status(DEGRADED).withDetail("problem", fonts.problem().orElse("")).build());
    }
}
