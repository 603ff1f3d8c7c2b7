package org.hall24.platform.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes for printed documents and screens: UTF-8 content (Chinese is fine), error correction
 * level M (about 15 % of the symbol may be damaged), a quiet zone of two modules. Thread-safe.
 */
public final class QrCodes {

    /** Longest content accepted: a version-40 symbol at level M holds about 2,300 bytes. */
    public static final int MAX_CONTENT_BYTES = 2_000;

    private QrCodes() {
    }

    /**
     * The QR code as a black-on-white image of about {@code size} pixels square.
     *
     * @throws IllegalArgumentException for empty or too long content, or a size under 21 pixels
     */
    public static BufferedImage image(String content, int size) {
        return MatrixToImageWriter.toBufferedImage(matrix(content, size));
    }

    /** The QR code as PNG bytes. */
    public static byte[] png(String content, int size) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image(content, size), "png", out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR code as a {@code data:image/png;base64,...} URI for an {@code <img src>}. */
    public static String dataUri(String content, int size) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(content, size));
    }

    /** The module matrix, for drawing the code as vector squares. */
    public static BitMatrix matrix(String content, int size) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("QR content must not be empty");
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("QR content longer than " + MAX_CONTENT_BYTES + " bytes");
        }
        if (size < 21) {
            throw new IllegalArgumentException("QR size must be at least 21 pixels");
        }
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 2));
        }
        catch (WriterException e) {
            throw new IllegalArgumentException("content does not fit in a QR code", e);
        }
    }
}
