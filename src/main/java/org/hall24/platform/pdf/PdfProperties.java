package org.hall24.platform.pdf;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of printed documents.
 *
 * @param font     path of a TrueType font ({@code .ttf}, or a {@code .ttc} collection) with Chinese
 *                 glyphs; when unset, the bundled Noto Sans SC, then well-known system fonts are tried
 * @param fontName the font to take from a {@code .ttc} collection (its PostScript name); the first when unset
 */
@ConfigurationProperties("hall24.pdf")
public record PdfProperties(@Nullable String font, @Nullable String fontName) {
}
