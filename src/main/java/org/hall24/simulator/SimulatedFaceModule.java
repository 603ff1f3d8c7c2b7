package org.hall24.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * A simulated kiosk's certified face module, as docs/device-protocol.md describes one: it knows the
 * card on the reader, takes the session nonce the platform sends for that card ({@code face-check}
 * command) and signs each report over both, with HMAC-SHA-256 under the face report key. A nonce for
 * another card than the one on the reader is refused; a new card drops the nonce it had. Thread-safe:
 * commands arrive on the MQTT client's thread, reports are asked for from anywhere.
 */
public final class SimulatedFaceModule {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final HexFormat HEX = HexFormat.of();

    /** Guarded by {@code this}. */
    private @Nullable String cardHash;
    /** Guarded by {@code this}; the nonce for {@link #cardHash}. */
    private @Nullable String nonce;

    /** What the module signs a report with: the session nonce and the card it is for. */
    record Binding(String nonce, String cardHash) {
    }

    /** A card was read: the module compares faces with it from now on, and waits for its nonce. */
    synchronized void cardRead(String idNumber) {
        cardHash = cardHash(idNumber);
        nonce = null;
        notifyAll();
    }

    /**
     * The platform's {@code face-check} command.
     *
     * @return why it is refused, or {@code null} when the module took the nonce
     */
    synchronized @Nullable String faceCheck(String givenNonce, String givenCardHash) {
        if (!NONCE.matcher(givenNonce).matches()) {
            return "nonce missing or malformed";
        }
        if (cardHash == null) {
            return "no card on the reader";
        }
        if (!cardHash.equals(givenCardHash)) {
            return "the nonce is for another card than the one on the reader";
        }
        nonce = givenNonce;
        notifyAll();
        return null;
    }

    /**
     * The nonce and card to sign the next report with, waiting up to {@code waitMillis} for the
     * platform's {@code face-check} after a card read (a module starts a check when it is asked to).
     *
     * @throws IllegalStateException with no card on the reader, or no nonce for it in time
     */
    synchronized Binding binding(long waitMillis) {
        long end = System.nanoTime() + waitMillis * 1_000_000;
        while (cardHash != null && nonce == null) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            try {
                wait(left);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (cardHash == null) {
            throw new IllegalStateException("no card on the reader: read a card first");
        }
        if (nonce == null) {
            throw new IllegalStateException("the platform has not sent a face-check for the card on the reader");
        }
        return new Binding(nonce, cardHash);
    }

    /** SHA-256 over the ID number in upper case (UTF-8), 64 lower-case hex digits: the card in a face report. */
    public static String cardHash(String idNumber) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /**
     * The signature a face module holding {@code key} gives its report: HMAC-SHA-256, base64, over
     * {@code face-checked|<device>|<event id>|<nonce>|<card hash>|<score>|<liveness>} (score as Java's
     * {@code Double.toString}).
     */
    public static String signature(String key, String deviceCode, String eventId, String nonce, String cardHash,
            double score, boolean liveness) {
        String text = "face-checked|" + deviceCode + "|" + eventId + "|" + nonce + "|" + cardHash + "|" + score + "|" + liveness;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
