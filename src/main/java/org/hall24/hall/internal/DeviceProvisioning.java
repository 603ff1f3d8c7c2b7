package org.hall24.hall.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.RegisteredDevice;
import org.hall24.hall.Hall;
import org.hall24.hall.PlacedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers every device of the halls' files that the registry does not know yet, once all
 * beans exist (so event listeners see the registrations) and before anything connects.
 * <p>
 * With the hall simulator on ({@code hall24.simulator.enabled}, default {@code true}) these
 * devices are marked simulated, their credentials are rotated at every start, and written to
 * {@code hall24.simulator.credentials-file} (mode 600, {@code code=password} lines) for the
 * simulator, in-process or standalone. A simulated device an admin revoked stays revoked. Without
 * the simulator, credentials are never rotated automatically: a real device keeps the credential
 * installed in it.
 * <p>
 * For benchmarks, {@code hall24.simulator.synthetic-devices=N} (default 0; only with the simulator
 * on) also provisions N synthetic devices {@code BENCH-SIM-00001}… ({@code GOV_KIOSK} in hall
 * {@code BENCH}, zone {@code bench}, serial {@code BENCH-00001}…), in one batched transaction, and
 * writes their credentials to the same file for a load generator ({@code bench/devices.sh}). The
 * in-process simulator does not play them unless {@code hall24.simulator.play-synthetic-devices=true}.
 */
@Component
class DeviceProvisioning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeviceProvisioning.class);
    static final String ACTOR = "system:provisioning";
    static final String SYNTHETIC_HALL = "BENCH";

    private final ConfiguredHalls halls;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final boolean simulated;
    private final Path credentialsFile;
    private final int synthetic;

    DeviceProvisioning(ConfiguredHalls halls, DeviceRegistry registry, Clock clock,
            @Value("${hall24.simulator.enabled:true}") boolean simulated,
            @Value("${hall24.simulator.credentials-file:data/simulator/credentials.properties}") Path credentialsFile,
            @Value("${hall24.simulator.synthetic-devices:0}") int synthetic) {
        this.synthetic = synthetic;
        this.halls = halls;
        this.registry = registry;
        this.clock = clock;
        this.simulated = simulated;
        this.credentialsFile = credentialsFile;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, String> credentials = new LinkedHashMap<>();
        int registered = 0;
        for (Hall hall : halls.configured()) {
            for (PlacedDevice device : hall.devices()) {
                var registration = new RegisterDevice(device.code(), device.type(), device.serial(), hall.code(),
                        device.zone(), device.x(), device.y());
                var issued = registry.registerIfAbsent(registration, simulated, ACTOR);
                registered += issued.isPresent() ? 1 : 0;
                if (simulated && registry.find(device.code()).map(RegisteredDevice::active).orElse(false)) {
                    IssuedCredential credential = registry.rotate(device.code(), ACTOR);
                    credentials.put(credential.deviceCode(), credential.password());
                }
            }
        }
        if (synthetic > 0 && !simulated) {
            log.warn("hall24.simulator.synthetic-devices={} ignored: synthetic devices need hall24.simulator.enabled=true", synthetic);
        }
        else if (synthetic > 0) {
            long started = System.nanoTime();
            List<RegisterDevice> bench = new ArrayList<>(synthetic);
            for (int n = 1; n <= synthetic; n++) {
                String number = String.format("%05d", n);
                bench.add(new RegisterDevice(SYNTHETIC_HALL + "-SIM-" + number, DeviceType.GOV_KIOSK,
                        SYNTHETIC_HALL + "-" + number, SYNTHETIC_HALL, "bench", 0, 0));
            }
            for (IssuedCredential credential : registry.provisionSimulated(bench, ACTOR)) {
                credentials.put(credential.deviceCode(), credential.password());
            }
            log.info("Device provisioning: {} synthetic device(s) in hall {} provisioned in {} ms", synthetic, SYNTHETIC_HALL,
                    (System.nanoTime() - started) / 1_000_000);
        }
        log.info("Device provisioning: {} device(s) newly registered{}", registered,
                simulated ? ", " + credentials.size() + " simulated credential(s) written to " + credentialsFile : "");
        if (simulated) {
            write(credentials);
        }
    }

    /** Writes the file readable by its owner only, replacing the previous one in one move. */
    private void write(Map<String, String> credentials) {
        try {
            Path folder = credentialsFile.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".credentials", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict {} to its owner on this file system", credentialsFile);
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write("# Hall24 simulated devices' MQTT credentials: device code = password (username = client id = code).\n");
                out.write("# Rewritten at every start of the platform (" + clock.instant() + "); the previous ones no longer work.\n");
                out.write("# Secret: readable by the owner only; never commit or share it.\n");
                for (Map.Entry<String, String> entry : credentials.entrySet()) {
                    out.write(entry.getKey() + "=" + entry.getValue() + "\n");
                }
            }
            Files.move(temporary, credentialsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the simulator's credentials to " + credentialsFile, e);
        }
    }
}
