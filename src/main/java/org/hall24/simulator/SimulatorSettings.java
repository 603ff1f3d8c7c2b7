package org.hall24.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated devices behave as a whole.
 *
 * @param brokerUrl the broker, e.g. {@code tcp://127.0.0.1:18830} (the embedded broker)
 * @param interval the telemetry interval each device announces in its status and keeps
 * @param doorClosesAfter how long a cabinet door stays open after {@code open-compartment}
 *        before the "citizen" closes it
 * @param startJitter devices connect at random moments within this window, not all at once
 * @param firmware the firmware version the devices report
 * @param faceReportKey the key the kiosks' simulated face modules sign their reports with (HMAC-SHA-256); the
 *        platform checks it against {@code hall24.identity.face.report-key}
 */
public record SimulatorSettings(String brokerUrl, Duration interval, Duration doorClosesAfter, Duration startJitter,
        String firmware, String faceReportKey) {

    /** The demo key, the platform's default {@code hall24.identity.face.report-key}. */
    public static final String DEMO_FACE_REPORT_KEY = "hall24-demo-face-report-key-change-me";

    public SimulatorSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        if (faceReportKey == null || faceReportKey.isBlank()) {
            throw new IllegalArgumentException("faceReportKey must not be blank");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    public static SimulatorSettings of(String brokerUrl) {
        return new SimulatorSettings(brokerUrl, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2),
                "sim-1.0.0", DEMO_FACE_REPORT_KEY);
    }

    public SimulatorSettings withInterval(Duration value) {
        return new SimulatorSettings(brokerUrl, value, doorClosesAfter, startJitter, firmware, faceReportKey);
    }

    public SimulatorSettings withDoorClosesAfter(Duration value) {
        return new SimulatorSettings(brokerUrl, interval, value, startJitter, firmware, faceReportKey);
    }

    public SimulatorSettings withStartJitter(Duration value) {
        return new SimulatorSettings(brokerUrl, interval, doorClosesAfter, value, firmware, faceReportKey);
    }

    public SimulatorSettings withFaceReportKey(String value) {
        return new SimulatorSettings(brokerUrl, interval, doorClosesAfter, startJitter, firmware, value);
    }
}
