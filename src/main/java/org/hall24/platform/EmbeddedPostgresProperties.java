package org.hall24.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster's files live; they survive restarts
 * @param port the TCP port on the loopback interface, {@code 0} for any free port
 * @param cleanOnStart wipe the data directory before the first start in this JVM (tests only)
 */
@ConfigurationProperties("hall24.embedded-db")
public record EmbeddedPostgresProperties(Path dataDir, int port, boolean cleanOnStart) {

    public EmbeddedPostgresProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "pg");
        }
    }
}
