package org.hall24.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest and derives blind indexes for exact-match lookups
 * (docs/adr/0011-personal-data-at-rest.md).
 * <p>
 * Encryption is AES-256-GCM with a random 96-bit nonce per value; the stored text is
 * {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}, the prefix naming the key version so keys can be
 * rotated. The blind index is HMAC-SHA-256 under a key derived from the same master key, so an ID
 * number can be found without decrypting every row, and the index alone reveals nothing. Thread-safe.
 */
public final class PersonalDataCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey 32 bytes */
    public PersonalDataCipher(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the personal-data key must be 32 bytes, not " + masterKey.length);
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "hall24 personal data encryption v1"), "AES");
        this.indexKey = new SecretKeySpec(derive(masterKey, "hall24 personal data blind index v1"), "HmacSHA256");
    }

    /** The value, encrypted; a different text each call. */
    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The value {@link #encrypt} sealed.
     *
     * @throws IllegalArgumentException if the text was not sealed with this key or was altered
     */
    public String decrypt(String sealedText) {
        if (!sealedText.startsWith(VERSION)) {
            throw new IllegalArgumentException("not an encrypted value of a known key version");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealedText.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encrypted value is not base64", e);
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("encrypted value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("encrypted value was altered or sealed with another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** A stable keyed hash of the value, for exact-match lookups; the same value always gives the same index. */
    public String blindIndex(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
