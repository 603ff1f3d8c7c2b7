package org.hall24.applications.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.hall24.applications.MaterialRejectedException;
import org.hall24.applications.MaterialRejectedException.Reason;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks and normalises a material's file. The type is sniffed from the bytes (JPEG, PNG, PDF);
 * the name is never trusted. Images are decoded completely (a truncated one is refused), turned
 * upright by their EXIF orientation, scaled to at most {@value #MAX_SIDE} px on the long side and
 * re-encoded as JPEG, which drops all metadata. PDFs must parse and have at most
 * {@value #MAX_PAGES} pages; they are kept as they are.
 */
@Component
class MaterialNormaliser {

    static final int MAX_SIDE = 2480;
    static final int MAX_PAGES = 50;
    static final int THUMBNAIL_SIDE = 240;
    /** Refuse images whose pixels would not fit in memory comfortably (a decompression bomb). */
    static final long MAX_PIXELS = 80_000_000L;
    static final float QUALITY = 0.85f;

    private final long maxBytes;

    MaterialNormaliser(@Value("${hall24.applications.material-max-bytes:10485760}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A checked file. */
    record Normalised(String contentType, byte[] content, int pages, byte[] thumbnail) {
    }

    Normalised normalise(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new MaterialRejectedException(Reason.TOO_LARGE);
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF) || startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return image(bytes);
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
            return pdf(bytes);
        }
        throw new MaterialRejectedException(Reason.NOT_AN_IMAGE_OR_PDF);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private Normalised image(byte[] bytes) {
        BufferedImage image = decode(bytes);
        image = Exif.upright(image, Exif.orientation(bytes));
        BufferedImage scaled = scale(image, MAX_SIDE);
        byte[] jpeg = jpeg(scaled);
        return new Normalised("image/jpeg", jpeg, 1, jpeg(scale(scaled, THUMBNAIL_SIDE)));
    }

    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new MaterialRejectedException(Reason.CORRUPT);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new MaterialRejectedException(Reason.TOO_MANY_PIXELS);
                }
                boolean[] warned = {false};
                reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
                BufferedImage image = reader.read(0);
                if (warned[0] || image == null) {
                    throw new MaterialRejectedException(Reason.CORRUPT);
                }
                return image;
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof MaterialRejectedException rejected) {
                throw rejected;
            }
            throw new MaterialRejectedException(Reason.CORRUPT, e);
        }
    }

    private Normalised pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages < 1) {
                throw new MaterialRejectedException(Reason.CORRUPT);
            }
            if (pages > MAX_PAGES) {
                throw new MaterialRejectedException(Reason.TOO_MANY_PAGES);
            }
            BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 36, ImageType.RGB);
            return new Normalised("application/pdf", bytes, pages, jpeg(scale(first, THUMBNAIL_SIDE)));
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof MaterialRejectedException rejected) {
                throw rejected;
            }
            throw new MaterialRejectedException(Reason.CORRUPT, e);
        }
    }

    /** The image on a white background (no alpha), at most {@code side} px on its long side. */
    static BufferedImage scale(BufferedImage image, int side) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) side / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.drawImage(image, 0, 0, tw, th, null);
        }
        finally {
            g.dispose();
        }
        return out;
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Just enough EXIF to read the orientation tag (0x0112) of a JPEG. */
    static final class Exif {

        private Exif() {
        }

        /** The EXIF orientation (1–8), 1 when absent or unreadable. */
        static int orientation(byte[] b) {
            try {
                if ((b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
                    return 1;
                }
                int i = 2;
                while (i + 4 < b.length && (b[i] & 0xFF) == 0xFF) {
                    int marker = b[i + 1] & 0xFF;
                    int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                    if (marker == 0xE1 && b[i + 4] == 'E' && b[i + 5] == 'x' && b[i + 6] == 'i' && b[i + 7] == 'f') {
                        return tiffOrientation(b, i + 10);
                    }
                    if (marker == 0xDA) {
                        return 1;
                    }
                    i += 2 + length;
                }
            }
            catch (ArrayIndexOutOfBoundsException e) {
                return 1;
            }
            return 1;
        }

        private static int tiffOrientation(byte[] b, int tiff) {
            boolean little = b[tiff] == 'I';
            int ifd = tiff + read(b, tiff + 4, 4, little);
            int entries = read(b, ifd, 2, little);
            for (int e = 0; e < entries; e++) {
                int entry = ifd + 2 + e * 12;
                if (read(b, entry, 2, little) == 0x0112) {
                    int value = read(b, entry + 8, 2, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        private static int read(byte[] b, int at, int size, boolean little) {
            int v = 0;
            for (int k = 0; k < size; k++) {
                int byteValue = b[at + (little ? size - 1 - k : k)] & 0xFF;
                v = (v << 8) | byteValue;
            }
            return v;
        }

        /** The image turned as its orientation says (only the rotations; mirrored ones are rare from cameras). */
        static BufferedImage upright(BufferedImage image, int orientation) {
            int quarterTurns = switch (orientation) {
                case 6 -> 1;
                case 3 -> 2;
                case 8 -> 3;
                default -> 0;
            };
            if (quarterTurns == 0) {
                return image;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            boolean swap = quarterTurns % 2 == 1;
            BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
            AffineTransform t = new AffineTransform();
            switch (quarterTurns) {
                case 1 -> {
                    t.translate(h, 0);
                    t.rotate(Math.PI / 2);
                }
                case 2 -> {
                    t.translate(w, h);
                    t.rotate(Math.PI);
                }
                default -> {
                    t.translate(0, w);
                    t.rotate(-Math.PI / 2);
                }
            }
            Graphics2D g = out.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, out.getWidth(), out.getHeight());
                g.drawImage(image, t, null);
            }
            finally {
                g.dispose();
            }
            return out;
        }
    }
}
