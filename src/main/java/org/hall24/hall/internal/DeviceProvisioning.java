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
import java.util.LinkedHashMap;
import java.util.Map;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.RegisteredDevice;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers every device of the configured halls that the registry does not know yet, once all
 * beans exist (so event listeners see the registrations) and before anything connects.
 * <p>
 * With the hall simulator on ({@code hall24.simulator.enabled}, default {@code true}) these
 * devices are marked simulated, their credentials are rotated at every start, and written to
 * {@code hall24.simulator.credentials-file} (mode 600, {@code code=password} lines) for the
 * simulator, in-process or standalone. A simulated device an admin revoked stays revoked. Without
 * the simulator, credentials are never rotated automatically: a real device keeps the credential
 * installed in it.
 */
@Component
class DeviceProvisioning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeviceProvisioning.class);
    static final String ACTOR = "system:provisioning";

    private final Halls halls;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final boolean simulated;
    private final Path credentialsFile;

    DeviceProvisioning(Halls halls, DeviceRegistry registry, Clock clock,
            @Value("${hall24.simulator.enabled:true}") boolean simulated,
            @Value("${hall24.simulator.credentials-file:data/simulator/credentials.properties}") Path credentialsFile) {
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
        for (Hall hall : halls.all()) {
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
