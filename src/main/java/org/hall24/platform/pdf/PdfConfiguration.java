package org.hall24.platform.pdf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's font, renderer and the {@code pdfFont} health contributor. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PdfProperties.class)
class PdfConfiguration {

    @Bean
    PdfFonts pdfFonts(PdfProperties properties) {
        return PdfFonts.resolve(properties, CjkFont.SYSTEM_CANDIDATES);
    }

    @Bean
    PdfRenderer pdfRenderer(PdfFonts fonts) {
        return new PdfRenderer(fonts::require);
    }

    /** UP with the font's name and source; DOWN with the fix when receipts cannot be rendered. */
    @Bean
    HealthIndicator pdfFontHealthIndicator(PdfFonts fonts) {
        return () -> fonts.font()
                .map(f -> Health.up().withDetail("font", f.postScriptName()).withDetail("source", f.source()).build())
                .orElseGet(() -> Health.down().withDetail("problem", fonts.problem().orElse("")).build());
    }
}
