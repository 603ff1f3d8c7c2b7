package org.hall24.device.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Device credentials: 32 random bytes from a {@link SecureRandom}, base64url without padding
 * (43 characters), of which only the SHA-256 hash is stored.
 * <p>
 * Why SHA-256 and not BCrypt, as for staff passwords: BCrypt's cost protects <em>low-entropy</em>
 * secrets (what people choose) against guessing from a stolen hash. A device credential carries
 * 256 bits of randomness; no amount of guessing finds it from its hash, slow or fast, so a slow
 * hash adds nothing. It would cost a lot, though: the broker checks the credential at every
 * connection, and after a network blip a hall's devices — thousands for a city — reconnect at
 * once; at ~100 ms of BCrypt each, that is minutes of CPU on the event loop. Hashes are compared
 * with {@link MessageDigest#isEqual}, which takes the same time wherever they differ.
 */
final class DeviceCredentials {

    static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceCredentials() {
    }

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static byte[] hash(String secret) {
        return hash(secret.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hash(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether the presented secret hashes to the stored hash; constant time in the hashes' contents. */
    static boolean matches(byte[] presented, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presented), storedHash);
    }
}
