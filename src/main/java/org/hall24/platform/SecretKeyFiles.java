package org.hall24.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 32-byte secret key kept in a file: read if it exists, else created owner-only with random bytes
 * (written to a temporary file first, so a crash never leaves half a key). For the keys that protect
 * personal data at rest and sign cabinet tokens when no key is configured.
 */
public final class SecretKeyFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyFiles.class);

    private SecretKeyFiles() {
    }

    /**
     * @param purpose what the key protects, for messages ("personal-data", "cabinet-token")
     */
    public static byte[] readOrCreate(Path keyFile, String purpose) {
        try {
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile).strip(), keyFile.toString(), purpose);
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path dir = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, purpose, ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Cannot restrict permissions of {} on this file system", keyFile);
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, keyFile);
            log.warn("Generated a new {} key in {}. Back it up with the database.", purpose, keyFile.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + purpose + " key file " + keyFile, e);
        }
    }

    /** A base64 key of 32 bytes, or a clear error naming where it came from. */
    public static byte[] decode(String base64, String source, String purpose) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + purpose + " key in " + source + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The " + purpose + " key in " + source + " must be 32 bytes (base64 of 32 random bytes), not "
                    + bytes.length);
        }
        return bytes;
    }
}
