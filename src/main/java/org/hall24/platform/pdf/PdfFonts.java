package org.hall24.platform.pdf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CJK font of this application, resolved once at start-up: {@code hall24.pdf.font} when set,
 * else the bundled font, else a system font. When none works the application still starts, logs one
 * WARN naming the fix, reports DOWN on the {@code pdfFont} health contributor, and every rendering
 * throws {@link PdfFontUnavailableException} with the same words.
 */
public final class PdfFonts {

    private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

    private final @Nullable CjkFont font;
    private final @Nullable String problem;

    private PdfFonts(@Nullable CjkFont font, @Nullable String problem) {
        this.font = font;
        this.problem = problem;
    }

    /** Resolves the font, logging where it came from (INFO) or the fix (WARN). */
    public static PdfFonts resolve(PdfProperties properties, List<Path> systemCandidates) {
        try {
            CjkFont font = CjkFont.resolve(properties.font(), properties.fontName(), systemCandidates);
            log.info("PDF documents use the font {} from {}", font.postScriptName(), font.source());
            return new PdfFonts(font, null);
        }
        catch (PdfFontUnavailableException e) {
            log.warn("{} Receipts and print-outs cannot be rendered until then.", e.getMessage());
            return new PdfFonts(null, e.detail());
        }
    }

    public Optional<CjkFont> font() {
        return Optional.ofNullable(font);
    }

    /** Why there is no font and how to fix it, or empty when there is one. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem).map(p -> new PdfFontUnavailableException(p).getMessage());
    }

    /**
     * The font.
     *
     * @throws PdfFontUnavailableException when there is none
     */
    public CjkFont require() {
        if (font == null) {
            throw new PdfFontUnavailableException(problem == null ? "not resolved" : problem);
        }
        return font;
    }
}
