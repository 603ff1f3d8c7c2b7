package org.hall24.applications;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Real image and PDF files made in memory for material tests. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] image(String format, int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160, alpha ? 128 : 255));
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height, false);
    }

    /**
     * A small PNG whose header declares {@code width × height} pixels (a decompression bomb's
     * shape: a reader would allocate the whole raster before finding the data missing).
     */
    static byte[] pngDeclaring(int width, int height) {
        byte[] png = image("png", 8, 8, false);
        // The signature is 8 bytes, then IHDR: length (4), type (4), width (4), height (4), …, CRC over type and data.
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(png);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return png;
    }

    static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF APP1 segment holding only the orientation tag, right after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8,            // big-endian TIFF header, IFD0 at 8
                0, 1,                                   // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1,           // tag 0x0112 (orientation), SHORT, count 1
                0, (byte) orientation, 0, 0,            // value
                0, 0, 0, 0};                            // no next IFD
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
