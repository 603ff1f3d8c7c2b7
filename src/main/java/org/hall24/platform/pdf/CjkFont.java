package org.hall24.platform.pdf;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A TrueType font with Chinese glyphs, read from disk once and shared by every rendering thread.
 * <p>
 * A parsed {@link TrueTypeFont} reads its glyphs lazily and is not safe for concurrent use, and
 * subset embedding reads it again when the document is saved; so the font's bytes are held once and
 * each rendering borrows a parsed instance of its own from a small pool ({@link #use(FontUse)}),
 * giving it back when the document is written. Parsing only reads the table directory and a few
 * small tables, so a pool miss under a burst of 200 kiosks costs milliseconds, not a file read.
 */
public final class CjkFont {

    /** The font that ships with Hall24 (copied into the classes by the build; see docs/printing.md). */
    public static final String BUNDLED_RESOURCE = "fonts/NotoSansSC-Regular.ttf";

    /** Well-known places of TrueType CJK fonts on Debian/Ubuntu, Fedora, Windows and macOS, in order of preference. */
    public static final List<Path> SYSTEM_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("C:/Windows/Fonts/simsun.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("C:/Windows/Fonts/simhei.ttf"),
            Path.of("/System/Library/Fonts/Supplemental/Songti.ttc"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"),
            Path.of("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"));

    /**
     * How many documents render at once. Rendering is CPU-bound and each renderer needs a parsed
     * font of its own (megabytes): more renderers than cores would only parse more fonts and fill
     * the heap, so further callers wait for a free one instead (measured in docs/benchmarks.md).
     */
    static final int CONCURRENT_RENDERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final int POOL_LIMIT = CONCURRENT_RENDERS;
    private final java.util.concurrent.Semaphore renders = new java.util.concurrent.Semaphore(CONCURRENT_RENDERS, true);

    private final byte[] data;
    private final boolean collection;
    private final @Nullable String fontName;
    private final String source;
    private final String postScriptName;
    private final ConcurrentLinkedQueue<Parsed> pool = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();

    private CjkFont(byte[] data, boolean collection, @Nullable String fontName, String source) throws IOException {
        this.data = data;
        this.collection = collection;
        this.fontName = fontName;
        this.source = source;
        Parsed first = parse();
        try {
            if (first.font.getGlyph() == null || first.font.getUnicodeCmapLookup(false) == null) {
                throw new IOException("no glyf outlines or no Unicode cmap");
            }
            if (first.font.getUnicodeCmapLookup().getGlyphId('中') == 0) {
                throw new IOException("no Chinese glyphs");
            }
            this.postScriptName = first.font.getName();
        }
        catch (IOException | RuntimeException e) {
            first.close();
            throw e;
        }
        give(first);
    }

    /**
     * Reads and checks a font file: a {@code .ttf}, or a {@code .ttc} collection from which the font
     * called {@code fontName} is taken, or its first font when {@code fontName} is {@literal null}.
     *
     * @throws PdfFontUnavailableException when the file is missing, unreadable, not TrueType, or has no Chinese glyphs
     */
    public static CjkFont load(Path path, @Nullable String fontName) {
        if (!Files.isRegularFile(path)) {
            throw new PdfFontUnavailableException("no file " + path);
        }
        try {
            return of(Files.readAllBytes(path), isCollection(path.toString()), fontName, path.toString());
        }
        catch (IOException | RuntimeException e) {
            throw new PdfFontUnavailableException(path + " is not a usable TrueType CJK font: " + e.getMessage());
        }
    }

    /** Reads and checks a font from bytes; {@code source} names it in messages. */
    public static CjkFont of(byte[] data, boolean collection, @Nullable String fontName, String source) throws IOException {
        return new CjkFont(data, collection, fontName, source);
    }

    /**
     * The font to use: {@code configured} when set (it must work), else the bundled font when it is on
     * the class path, else the first usable system font.
     *
     * @throws PdfFontUnavailableException when none can be loaded
     */
    public static CjkFont resolve(@Nullable String configured, @Nullable String fontName, List<Path> systemCandidates) {
        if (configured != null && !configured.isBlank()) {
            return load(Path.of(configured.trim()), fontName);
        }
        List<String> tried = new ArrayList<>();
        Optional<CjkFont> bundled = bundled();
        if (bundled.isPresent()) {
            return bundled.get();
        }
        tried.add("classpath:" + BUNDLED_RESOURCE);
        for (Path candidate : systemCandidates) {
            tried.add(candidate.toString());
            if (Files.isRegularFile(candidate)) {
                try {
                    return load(candidate, null);
                }
                catch (PdfFontUnavailableException e) {
                    // try the next one
                }
            }
        }
        throw new PdfFontUnavailableException("hall24.pdf.font is not set and none of these is a usable font: " + String.join(", ", tried));
    }

    private static Optional<CjkFont> bundled() {
        ClassLoader loader = CjkFont.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(of(in.readAllBytes(), false, null, "classpath:" + BUNDLED_RESOURCE));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isCollection(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    /** Where the font came from: a path or {@code classpath:...}. */
    public String source() {
        return source;
    }

    /** The font's PostScript name, e.g. {@code NotoSansSC-Regular} or {@code WenQuanYiZenHei}. */
    public String postScriptName() {
        return postScriptName;
    }

    /** Work that needs a parsed font for its whole duration (laying out and saving one document). */
    @FunctionalInterface
    public interface FontUse<T> {
        T apply(TrueTypeFont font) throws IOException;
    }

    /**
     * Runs {@code use} with a parsed font that no other thread touches until it returns; the font
     * must not be kept after that.
     */
    public <T> T use(FontUse<T> use) throws IOException {
        try {
            renders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a free font");
        }
        try {
            return useParsed(use);
        } finally {
            renders.release();
        }
    }

    private <T> T useParsed(FontUse<T> use) throws IOException {
        Parsed parsed = pool.poll();
        if (parsed != null) {
            pooled.decrementAndGet();
        }
        else {
            parsed = parse();
        }
        boolean healthy = false;
        try {
            T result = use.apply(parsed.font);
            healthy = true;
            return result;
        }
        finally {
            if (healthy) {
                give(parsed);
            }
            else {
                parsed.close();
            }
        }
    }

    private void give(Parsed parsed) {
        if (pooled.incrementAndGet() <= POOL_LIMIT) {
            pool.offer(parsed);
        }
        else {
            pooled.decrementAndGet();
            parsed.close();
        }
    }

    private Parsed parse() throws IOException {
        if (!collection) {
            return new Parsed(new TTFParser().parse(new RandomAccessReadBuffer(data)), null);
        }
        TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(data));
        try {
            TrueTypeFont font;
            if (fontName != null && !fontName.isBlank()) {
                font = ttc.getFontByName(fontName);
                if (font == null) {
                    throw new IOException("no font named " + fontName + " in the collection");
                }
            }
            else {
                TrueTypeFont[] first = new TrueTypeFont[1];
                ttc.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = first[0];
                if (font == null) {
                    throw new IOException("empty font collection");
                }
            }
            return new Parsed(font, ttc);
        }
        catch (IOException | RuntimeException e) {
            ttc.close();
            throw e;
        }
    }

    private record Parsed(TrueTypeFont font, @Nullable Closeable owner) {
        void close() {
            try {
                if (owner != null) {
                    owner.close();
                }
                else {
                    font.close();
                }
            }
            catch (IOException e) {
                // nothing to release beyond memory
            }
        }
    }
}
