package org.hall24.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) when no datasource URL is configured,
 * so {@code ./mvnw spring-boot:run} needs nothing installed. Production sets
 * {@code SPRING_DATASOURCE_URL} and this configuration steps aside.
 *
 * <p>One server per data directory and JVM: several application contexts in one test JVM share
 * it, and it stops when the last of them closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
        return EmbeddedPostgresServer.acquire(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl())
                .username("postgres")
                .build();
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("hall24-embedded");
        return dataSource;
    }

    /** A reference-counted embedded server, keyed by its data directory. */
    static final class EmbeddedPostgresServer {

        private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

        private final Path dataDir;
        private final EmbeddedPostgres postgres;
        private int users;

        private EmbeddedPostgresServer(Path dataDir, EmbeddedPostgres postgres) {
            this.dataDir = dataDir;
            this.postgres = postgres;
        }

        static synchronized EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
            Path dataDir = properties.dataDir().toAbsolutePath().normalize();
            EmbeddedPostgresServer server = RUNNING.get(dataDir);
            if (server == null) {
                server = new EmbeddedPostgresServer(dataDir, start(dataDir, properties));
                RUNNING.put(dataDir, server);
            }
            server.users++;
            return server;
        }

        private static EmbeddedPostgres start(Path dataDir, EmbeddedPostgresProperties properties) {
            try {
                if (properties.cleanOnStart()) {
                    deleteRecursively(dataDir);
                }
                Files.createDirectories(dataDir);
                log.info("Starting embedded PostgreSQL with data in {}", dataDir);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        // Spring stops the server after the beans that still need the database
                        // (the event publication registry writes on shutdown); a JVM hook of its
                        // own would race them and leave them waiting for a connection.
                        .setRegisterShutdownHook(false)
                        .setServerConfig("timezone", "UTC")
                        .setServerConfig("max_connections", "100");
                if (properties.port() > 0) {
                    builder.setPort(properties.port());
                }
                return builder.start();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir
                        + " (is another Hall24 using this data folder?)", e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        synchronized void release() throws IOException {
            synchronized (EmbeddedPostgresServer.class) {
                if (--users == 0) {
                    RUNNING.remove(dataDir);
                    postgres.close();
                    log.info("Stopped embedded PostgreSQL with data in {}", dataDir);
                }
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
