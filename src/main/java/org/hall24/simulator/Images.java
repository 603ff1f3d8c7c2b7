package org.hall24.simulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/** Small JPEGs drawn in code (headless): a card photo and a scanned page, both marked TEST. */
final class Images {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Images() {
    }

    /** An ID-card style portrait, 180 × 220: a head and shoulders on a pale background. */
    static byte[] portrait(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(180, 220, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(236, 242, 250));
            g.fillRect(0, 0, 180, 220);
            g.setColor(new Color(40 + random.nextInt(60), 40 + random.nextInt(60), 60 + random.nextInt(80)));
            g.fillOval(30, 150, 120, 120);
            g.setColor(new Color(225 - random.nextInt(40), 190 - random.nextInt(40), 160 - random.nextInt(40)));
            g.fillOval(55, 45, 70, 90);
            g.setColor(new Color(30, 30, 30));
            g.fillArc(52, 38, 76, 50, 0, 180);
            label(g, "TEST", 62, 212);
        }
        finally {
            g.dispose();
        }
        return jpeg(image);
    }

    /** A scanned A4 page, 420 × 594: a title bar and lines of "text". */
    static byte[] page(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(420, 594, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 420, 594);
            g.setColor(new Color(60, 60, 60));
            g.fillRect(120, 40, 180, 14);
            g.setStroke(new BasicStroke(3));
            for (int y = 90; y < 540; y += 18) {
                g.drawLine(40, y, 40 + 200 + random.nextInt(140), y);
            }
            g.setColor(new Color(200, 30, 30));
            g.drawOval(300, 470, 80, 80);
            label(g, "TEST DATA", 150, 580);
        }
        finally {
            g.dispose();
        }
        return jpeg(image);
    }

    private static void label(Graphics2D g, String text, int x, int y) {
        try {
            g.setColor(new Color(200, 30, 30));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(text, x, y);
        }
        catch (RuntimeException | Error e) {
            // No font on this machine: the picture is still a valid JPEG, just without its label.
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
