package org.hall24.cabinet.internal;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hall24.cabinet.*}.
 *
 * @param tokenKeyId the id of the key new tokens are signed with
 * @param tokenKeys keys by id (base64 of 32 bytes); older ids stay here while their tokens may still be presented
 * @param tokenKeyFile the key (id {@code tokenKeyId}) when {@code tokenKeys} has none for it: created owner-only at first start
 */
@ConfigurationProperties("hall24.cabinet")
record CabinetProperties(@DefaultValue("k1") String tokenKeyId, @DefaultValue Map<String, String> tokenKeys,
        @DefaultValue("data/keys/cabinet-token.key") Path tokenKeyFile) {
}
