package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.ServiceItem;
import org.hall24.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starting the whole application the way {@code ./mvnw spring-boot:run} does: on an embedded
 * PostgreSQL whose data folder survives a restart, and refusing to start on a broken catalog.
 */
class StartupTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--hall24.embedded-db.data-dir=" + dataDir.resolve("pg"), "--hall24.embedded-db.clean-on-start=false"));
        for (String property : extra) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(Hall24Application.class).profiles("test").run(args.toArray(String[]::new));
    }

    @Test
    void anAdminsEditSurvivesARestartOnTheSameDataFolder() {
        String newName = "居民身份证补领（重启测试）";
        int editedVersion;
        try (ConfigurableApplicationContext first = start()) {
            Catalog catalog = first.getBean(Catalog.class);
            ServiceItem item = catalog.item("GA-0001").orElseThrow();
            ServiceItem edited = new ServiceItem(item.code(), item.version(), new LocalizedText(newName, item.name().en()),
                    item.category(), item.department(), item.handlingType(), item.legalDays(), item.promisedDays(),
                    item.scope(), item.materials(), item.fees(), item.deviceTypes(), item.paperDeposit(),
                    item.deliveryMethods(), item.keywords(), item.form(), item.retired());
            editedVersion = catalog.publish(edited, item.version(), "restart-test").version();
        }
        assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Catalog catalog = second.getBean(Catalog.class);

            assertThat(catalog.item("GA-0001")).get().satisfies(item -> {
                assertThat(item.name().zh()).isEqualTo(newName);
                assertThat(item.version()).isEqualTo(editedVersion);
            });
            assertThat(catalog.history("GA-0001")).first().satisfies(change -> {
                assertThat(change.actor()).isEqualTo("restart-test");
                assertThat(change.changedFields()).containsExactly("name");
            });
            assertThat(catalog.size()).isEqualTo(207);
        }
    }

    @Test
    void aBrokenCatalogFileStopsStartUpNamingFileItemAndField() throws Exception {
        Path catalog = dataDir.resolve("catalog");
        Files.createDirectories(catalog.resolve("items"));
        Files.copy(StartupTest.class.getResourceAsStream("/catalog/categories.yaml"), catalog.resolve("categories.yaml"));
        String wj = new String(StartupTest.class.getResourceAsStream("/catalog/items/wj.yaml").readAllBytes());
        Files.writeString(catalog.resolve("items/wj.yaml"), wj.replaceFirst("legalDays: 20", "legalDays: -3"));
        String location = "file:" + catalog.toAbsolutePath();

        Throwable failure = catchThrowable(() -> start("hall24.catalog.location=" + location).close());
        while (failure != null && failure.getCause() != null) {
            failure = failure.getCause();
        }

        assertThat(failure).hasMessage("Catalog file " + location + "/items/wj.yaml, item WJ-0001, field legalDays: "
                        + "must be a whole number of working days from 0 to 365");
    }
}
