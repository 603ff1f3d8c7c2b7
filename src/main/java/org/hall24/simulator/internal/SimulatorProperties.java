package org.hall24.simulator.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process hall simulator ({@code hall24.simulator.*}).
 *
 * @param enabled start the simulator with the application (default {@code true}, so a fresh
 *        install shows a living hall)
 * @param brokerUrl the broker the devices connect to; default the platform's own broker (see
 *        {@link #broker(Environment)})
 * @param credentialsFile {@code deviceCode=password} lines, written by provisioning at start-up;
 *        default {@code data/simulator/credentials.properties}
 * @param halls where the halls' YAML files are; default {@code hall24.halls.location}
 * @param interval the devices' telemetry interval; default 10 s
 * @param doorClosesAfter how long an opened compartment stays open; default 5 s
 * @param playSyntheticDevices whether the in-process simulator also plays the synthetic devices
 *        ({@code hall24.simulator.synthetic-devices}); default {@code false}: they are for an external
 *        load generator ({@code bench/devices.sh}), and Paho's three threads per device would make
 *        the application measure its own simulator
 * @param faceReportKey the key the simulated face modules sign with; must be the platform's
 *        {@code hall24.identity.face.report-key} (application.properties sets it so); default the demo key
 */
@ConfigurationProperties("hall24.simulator")
public record SimulatorProperties(
        @Nullable Boolean enabled,
        @Nullable String brokerUrl,
        @Nullable String credentialsFile,
        @Nullable String halls,
        @Nullable Duration interval,
        @Nullable Duration doorClosesAfter,
        @Nullable Boolean playSyntheticDevices,
        @Nullable String faceReportKey) {

    public String faceReportKeyOrDemo() {
        return faceReportKey == null || faceReportKey.isBlank() ? org.hall24.simulator.SimulatorSettings.DEMO_FACE_REPORT_KEY
                : faceReportKey;
    }

    /**
     * The broker the devices connect to: {@code hall24.simulator.broker-url} when set, else the
     * platform's own — the embedded broker's plain listener where it really listens
     * ({@code local.mqtt.url}, published once it started, so a configured or random port and
     * address are followed), else {@code hall24.mqtt.url} (an external broker), else
     * {@code tcp://<hall24.mqtt.host>:<hall24.mqtt.port>}. Read once the application is ready.
     */
    public String broker(Environment environment) {
        if (brokerUrl != null && !brokerUrl.isBlank()) {
            return brokerUrl;
        }
        String local = environment.getProperty("local.mqtt.url");
        if (local != null && !local.isBlank()) {
            return local;
        }
        String platform = environment.getProperty("hall24.mqtt.url");
        if (platform != null && !platform.isBlank()) {
            return platform;
        }
        String host = environment.getProperty("hall24.mqtt.host", "127.0.0.1");
        if (host.isBlank() || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "tcp://" + host + ":" + environment.getProperty("hall24.mqtt.port", "18830");
    }

    public String credentials() {
        return credentialsFile == null || credentialsFile.isBlank() ? "data/simulator/credentials.properties" : credentialsFile;
    }

    public Duration telemetryInterval() {
        return interval == null ? Duration.ofSeconds(10) : interval;
    }

    public boolean playsSyntheticDevices() {
        return playSyntheticDevices != null && playSyntheticDevices;
    }

    public Duration doorOpenFor() {
        return doorClosesAfter == null ? Duration.ofSeconds(5) : doorClosesAfter;
    }
}
