package org.hall24.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The guard over the demo parts the modules declare, on a bare context: what refuses, what starts, and before what. */
class DemoGuardTest {

    static final DemoPart SIMULATOR = new DemoPart("a simulator", "hall24.a.enabled", true, "set hall24.a.enabled=false");
    static final DemoPart REAL_THING = new DemoPart("another part", "hall24.b.enabled", false, "set hall24.b.enabled=false");

    /** Created like any of the application's beans; tells whether it was. */
    record Witness(AtomicBoolean created) {
        Witness {
            created.set(true);
        }
    }

    final AtomicBoolean witnessCreated = new AtomicBoolean();

    ApplicationContextRunner runner(DemoPart... parts) {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(DemoMode.class, DemoGuard.class)
                .withBean(Witness.class, () -> new Witness(witnessCreated));
        for (int i = 0; i < parts.length; i++) {
            DemoPart part = parts[i];
            runner = runner.withBean("part" + i, DemoPart.class, () -> part);
        }
        return runner;
    }

    @Test
    void withDemoOffAPartThatIsOnRefusesTheStartNamingTheSwitchAndItsProperty() {
        runner(REAL_THING, SIMULATOR).withPropertyValues("hall24.demo=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOfSatisfying(DemoPartsOnException.class, refused -> {
                assertThat(refused.parts()).containsExactly(SIMULATOR);
                assertThat(refused).hasMessageContaining("hall24.demo=false").hasMessageContaining("hall24.a.enabled")
                        .hasMessageNotContaining("hall24.b.enabled");
            });
        });
    }

    @Test
    void aRefusedStartCreatesNoneOfTheOtherBeans() {
        runner(SIMULATOR).withPropertyValues("hall24.demo=false").run(context -> assertThat(context).hasFailed());
        assertThat(witnessCreated).as("refused before the singletons are created").isFalse();
    }

    @Test
    void withDemoOffAndEveryPartOffItStarts() {
        runner(REAL_THING).withPropertyValues("hall24.demo=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DemoMode.class).on()).isFalse();
        });
        assertThat(witnessCreated).isTrue();
    }

    @Test
    void aDemoMayHaveItsPartsOnAndIsTheDefault() {
        runner(SIMULATOR).withPropertyValues("hall24.demo=true").run(context -> assertThat(context).hasNotFailed());
        runner(SIMULATOR).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DemoMode.class).on()).as("hall24.demo unset").isTrue();
        });
    }

    @Test
    void theFailureReportNamesEachPartItsPropertyAndWhatToSetInstead() {
        DemoPart other = new DemoPart("a third part", "hall24.c.key", true, "set hall24.c.key to the real key");
        FailureAnalysis analysis = new DemoPartsOnFailureAnalyzer().analyze(new DemoPartsOnException(List.of(SIMULATOR, other)));

        assertThat(analysis.getDescription()).contains("hall24.demo=false", "a simulator: hall24.a.enabled", "a third part: hall24.c.key");
        assertThat(analysis.getAction()).contains("set hall24.a.enabled=false", "set hall24.c.key to the real key", "hall24.demo=true");
    }
}
