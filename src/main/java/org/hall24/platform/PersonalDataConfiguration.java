package org.hall24.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that protects personal data at rest. {@code hall24.personal-data.key} (base64 of 32
 * bytes, e.g. from a secret store) wins; otherwise the key is read from
 * {@code hall24.personal-data.key-file}, which is created owner-only with a random key on first
 * start. Losing the key loses the data it protects: back it up with the database.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${hall24.personal-data.key:}") @Nullable String key,
            @Value("${hall24.personal-data.key-file:data/keys/personal-data.key}") Path keyFile) {
        if (key != null && !key.isBlank()) {
            return new PersonalDataCipher(decode(key.strip(), "hall24.personal-data.key"));
        }
        return new PersonalDataCipher(readOrCreate(keyFile));
    }

    private static byte[] readOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile).strip(), keyFile.toString());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path dir = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "personal-data", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Cannot restrict permissions of {} on this file system", keyFile);
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, keyFile);
            log.warn("Generated a new personal-data key in {}. Back it up with the database: without it, encrypted "
                    + "personal data cannot be read.", keyFile.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the personal-data key file " + keyFile, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The personal-data key in " + source + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The personal-data key in " + source + " must be 32 bytes (base64 of 32 random bytes), not "
                    + bytes.length);
        }
        return bytes;
    }
}
