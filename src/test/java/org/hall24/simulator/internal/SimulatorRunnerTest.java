package org.hall24.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.hall24.Hall24IntegrationTest;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The in-process simulator finds the platform's own broker wherever it listens: here a free port
 * ({@code hall24.mqtt.port=0}, as the test profile sets) on a bind address other than the default
 * ({@code 127.0.0.2}), with no {@code hall24.simulator.broker-url} — and every device of the seed
 * hall comes online.
 */
@Hall24IntegrationTest(properties = {"hall24.simulator.enabled=true", "hall24.mqtt.host=127.0.0.2",
        "hall24.simulator.credentials-file=target/test-simulator-runner/credentials.properties"})
class SimulatorRunnerTest {

    @Autowired
    SimulatorRunner runner;

    @Autowired
    EmbeddedBrokerPort broker;

    @Autowired
    Halls halls;

    @Autowired
    DeviceStatuses statuses;

    @Test
    void theSimulatorConnectsToThePlatformsOwnBrokerAndEverySeedDeviceComesOnline() {
        assertThat(broker.value()).isNotEqualTo(18830);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(runner.simulator()).hasValueSatisfying(
                    simulator -> assertThat(simulator.settings().brokerUrl()).isEqualTo("tcp://127.0.0.2:" + broker.value()));
            for (PlacedDevice device : halls.defaultHall().devices()) {
                assertThat(statuses.statusOf(device.code())).as(device.code()).isEqualTo(DeviceStatus.ONLINE);
            }
        });
    }
}
