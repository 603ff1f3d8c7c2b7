package org.hall24.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hall24.simulator.DeviceFiles;
import org.hall24.simulator.HallSimulator;
import org.hall24.simulator.SimulatedDeviceSpec;
import org.hall24.simulator.SimulatorSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Runs the hall simulator inside the application (unless {@code hall24.simulator.enabled=false}),
 * against the platform's own broker unless told otherwise ({@link SimulatorProperties#broker}):
 * once the application is ready — after provisioning wrote the devices' credentials — it connects
 * every device that has a credential, and it shuts them down cleanly with the application. A
 * missing credentials file is waited for a little, then reported. Synthetic devices (codes in no
 * hall's file) are left to an external load generator unless
 * {@code hall24.simulator.play-synthetic-devices=true}.
 */
@Component
@ConditionalOnProperty(name = "hall24.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorRunner {

    static final int ATTEMPTS = 10;
    static final long PAUSE_MILLIS = 3_000;

    private static final Logger log = LoggerFactory.getLogger(SimulatorRunner.class);

    private final SimulatorProperties properties;
    private final String halls;
    private final Environment environment;
    private volatile @Nullable HallSimulator simulator;
    private volatile boolean stopping;

    SimulatorRunner(SimulatorProperties properties, @Value("${hall24.halls.location:classpath:halls}") String hallsLocation,
            Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.halls = properties.halls() == null || properties.halls().isBlank() ? hallsLocation : properties.halls();
    }

    /** The running simulator, once it has started. */
    public Optional<HallSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread starter = new Thread(this::startWhenCredentialsExist, "hall-simulator-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void startWhenCredentialsExist() {
        Path credentials = Path.of(properties.credentials());
        for (int attempt = 1; !Files.exists(credentials); attempt++) {
            if (attempt >= ATTEMPTS || stopping) {
                log.warn("Hall simulator not started: no credentials file {} (deviceCode=password lines, written by "
                        + "provisioning). Set hall24.simulator.credentials-file, or hall24.simulator.enabled=false.",
                        credentials.toAbsolutePath());
                return;
            }
            log.info("Hall simulator waits for its credentials file {} ({}/{})", credentials, attempt, ATTEMPTS);
            try {
                Thread.sleep(PAUSE_MILLIS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            Map<String, String> passwords = DeviceFiles.readCredentials(credentials);
            List<DeviceFiles.HallDevice> hallDevices = hallDevices();
            List<SimulatedDeviceSpec> specs = DeviceFiles.devices(passwords, hallDevices, Integer.MAX_VALUE);
            if (!properties.playsSyntheticDevices()) {
                var inHalls = hallDevices.stream().map(DeviceFiles.HallDevice::code).collect(java.util.stream.Collectors.toSet());
                int all = specs.size();
                specs = specs.stream().filter(spec -> inHalls.contains(spec.code())).toList();
                if (specs.size() < all) {
                    log.info("Hall simulator leaves {} synthetic device(s) to an external load generator "
                            + "(hall24.simulator.play-synthetic-devices=false)", all - specs.size());
                }
            }
            if (specs.isEmpty()) {
                log.warn("Hall simulator not started: {} names no device", credentials);
                return;
            }
            String broker = properties.broker(environment);
            if ((properties.brokerUrl() == null || properties.brokerUrl().isBlank()) && environment.getProperty("local.mqtt.url") == null
                    && !"false".equals(environment.getProperty("hall24.mqtt.embedded"))) {
                log.warn("Hall simulator: the embedded broker publishes no plain-TCP address (hall24.mqtt.plain-enabled=false?); "
                        + "it tries {}. The simulator speaks plain TCP only: set hall24.simulator.broker-url.", broker);
            }
            SimulatorSettings settings = SimulatorSettings.of(broker)
                    .withInterval(properties.telemetryInterval())
                    .withDoorClosesAfter(properties.doorOpenFor())
                    .withFaceReportKey(properties.faceReportKeyOrDemo());
            HallSimulator started = new HallSimulator(settings, specs);
            synchronized (this) {
                if (stopping) {
                    return;
                }
                simulator = started;
                started.start();
            }
        }
        catch (RuntimeException e) {
            log.warn("Hall simulator not started: {}", e.toString());
        }
    }

    private List<DeviceFiles.HallDevice> hallDevices() {
        try {
            List<DeviceFiles.HallDevice> devices = new ArrayList<>();
            // Several folders separated by commas, as hall24.halls.location takes them.
            for (String folder : halls.split(",")) {
                Resource[] files = new PathMatchingResourcePatternResolver().getResources(folder.strip() + "/*.yaml");
                Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
                for (Resource file : files) {
                    try (InputStream in = file.getInputStream()) {
                        devices.addAll(DeviceFiles.readHall(in, String.valueOf(file.getFilename())));
                    }
                }
            }
            return devices;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the halls' files at " + halls, e);
        }
    }

    /** Runs when the context closes, before its beans (the embedded broker among them) are destroyed. */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    synchronized void stop() {
        stopping = true;
        HallSimulator running = simulator;
        if (running != null) {
            running.close();
            simulator = null;
        }
    }
}
