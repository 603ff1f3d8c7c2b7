package org.hall24.platform;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
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


    @Bean
    PersonalDataCipher personalDataCipher(@Value("${hall24.personal-data.key:}") @Nullable String key,
            @Value("${hall24.personal-data.key-file:data/keys/personal-data.key}") Path keyFile) {
        if (key != null && !key.isBlank()) {
            return new PersonalDataCipher(decode(key.strip(), "hall24.personal-data.key"));
        }
        return new PersonalDataCipher(readOrCreate(keyFile));
    }

    private static byte[] readOrCreate(Path keyFile) {
        return SecretKeyFiles.readOrCreate(keyFile, "personal-data");
    }

    private static byte[] decode(String base64, String source) {
        return SecretKeyFiles.decode(base64, source, "personal-data");
    }
}
