package org.hall24.applications.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.hall24.platform.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of stored files: each file gets a random AES-256 key; the file is sealed with
 * AES-GCM under it ({@code nonce ‖ ciphertext ‖ tag}), and the key is kept in the database wrapped
 * by the personal-data key. A stolen documents folder alone reveals nothing.
 */
@Component
class FileCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalDataCipher keys;
    private final SecureRandom random = new SecureRandom();

    FileCipher(PersonalDataCipher keys) {
        this.keys = keys;
    }

    /** A sealed file and its wrapped key. */
    record Sealed(byte[] bytes, String wrappedKey) {
    }

    Sealed seal(byte[] clear) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear);
            return new Sealed(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array(),
                    keys.encrypt(Base64.getEncoder().encodeToString(key)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
        finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    byte[] open(byte[] sealed, String wrappedKey) {
        byte[] key = Base64.getDecoder().decode(keys.decrypt(wrappedKey));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored file was altered or sealed with another key", e);
        }
        finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
