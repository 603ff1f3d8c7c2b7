package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hall24.platform.demo.DemoPart;
import org.hall24.platform.demo.DemoPartsOnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code hall24.demo=false} refuses to start the whole application while any demo part is on,
 * naming the switch and each part's property, before anything is started (the embedded database's
 * data folder is never created). That it starts with every part off, and shows no demo mark then,
 * is {@link ProductionModeTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoSwitchStartupTest {

    static final String FACE_KEY = "production-like-face-report-key-for-tests";

    /** Everything a production start needs off, on a data folder of this test's own. */
    static final List<String> PRODUCTION = List.of("hall24.demo=false", "hall24.simulator.enabled=false",
            "hall24.simulator.smsc.enabled=false", "hall24.simulator.mail.enabled=false", "hall24.departments.simulated=false",
            "hall24.identity.face.report-key=" + FACE_KEY,
            "hall24.public-base-url=https://hall24.example.gov.cn");

    @TempDir
    Path dataDir;

    private Throwable refusedStart(List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hall24.embedded-db.data-dir=" + dataDir.resolve("pg")));
        settings.forEach(s -> args.add("--" + s));
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(Hall24Application.class).profiles("test")
                .run(args.toArray(String[]::new)).close());
        while (failure != null && !(failure instanceof DemoPartsOnException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static List<String> productionWith(String setting) {
        String property = setting.substring(0, setting.indexOf('='));
        List<String> settings = new ArrayList<>(PRODUCTION.stream().filter(s -> !s.startsWith(property + "=")).toList());
        settings.add(setting);
        return settings;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hall24.simulator.enabled=true                                            | hall24.simulator.enabled
            hall24.simulator.smsc.enabled=true                                       | hall24.simulator.smsc.enabled
            hall24.sms.provider=smpp                                                 | hall24.sms.smpp.password
            hall24.simulator.mail.enabled=true                                       | hall24.simulator.mail.enabled
            hall24.departments.simulated=true                                        | hall24.departments.simulated
            hall24.identity.face.report-key=hall24-demo-face-report-key-change-me    | hall24.identity.face.report-key
            hall24.public-base-url=http://localhost:8080                             | hall24.public-base-url
            hall24.public-base-url=http://127.0.0.1:8080/                            | hall24.public-base-url
            hall24.public-base-url=                                                  | hall24.public-base-url
            hall24.mqtt.host=0.0.0.0                                                 | hall24.mqtt.plain-enabled
            """)
    void productionRefusesToStartWhileADemoPartIsOnNamingTheSwitchAndTheProperty(String setting, String property) {
        Throwable failure = refusedStart(productionWith(setting));

        assertThat(failure).isInstanceOfSatisfying(DemoPartsOnException.class, refused -> {
            assertThat(refused.parts()).extracting(DemoPart::property).containsExactly(property);
            assertThat(refused).hasMessageContaining("hall24.demo=false").hasMessageContaining(property);
        });
        assertThat(dataDir.resolve("pg")).as("refused before the embedded database starts").doesNotExist();
    }

    @Test
    void theDefaultConfigurationWithDemoOffIsRefusedNamingEveryDemoPartWithWhatToDo(CapturedOutput output) {
        // The test profile turns the simulator off; application.properties has it on.
        Throwable failure = refusedStart(List.of("hall24.demo=false", "hall24.simulator.enabled=true"));

        assertThat(failure).isInstanceOfSatisfying(DemoPartsOnException.class, refused -> assertThat(refused.parts())
                .extracting(DemoPart::property).containsExactlyInAnyOrder("hall24.simulator.enabled", "hall24.simulator.smsc.enabled",
                        "hall24.simulator.mail.enabled", "hall24.departments.simulated",
                        "hall24.identity.face.report-key", "hall24.public-base-url"));
        assertThat(output).contains("APPLICATION FAILED TO START", "hall24.demo=false (production), but demo parts are on",
                "set hall24.simulator.enabled=false", "set hall24.simulator.smsc.enabled=false", "set hall24.departments.simulated=false",
                "set hall24.identity.face.report-key", "set hall24.public-base-url", "set hall24.simulator.mail.enabled=false");
    }
}
