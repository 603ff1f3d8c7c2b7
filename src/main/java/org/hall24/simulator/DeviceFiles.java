package org.hall24.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which devices to simulate, from two files the simulator reads itself (it imports no other
 * module):
 * <ul>
 * <li>the <b>credentials file</b>, a properties file of {@code deviceCode=password} lines, written
 * by the platform's provisioning ({@code data/simulator/credentials.properties}) or by an
 * operator for a remote deployment;</li>
 * <li>the <b>halls' files</b> (the same YAML the platform loads), for each device's type and hall
 * and a cabinet's compartments.</li>
 * </ul>
 * A device is simulated when it has a credential and is in a hall's file. A credential whose code
 * is in no hall's file is a <i>synthetic</i> device (benchmarks): a {@code GOV_KIOSK} in hall
 * {@code X} for a code {@code X-SIM-n}, else in hall {@code BENCH}.
 */
public final class DeviceFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A device as a hall's file places it. */
    public record HallDevice(String code, String type, String hall, List<String> compartments) {
    }

    private DeviceFiles() {
    }

    /** Reads {@code deviceCode=password} lines (properties syntax, UTF-8). */
    public static Map<String, String> readCredentials(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> credentials = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().sorted()
                    .forEach(code -> credentials.put(code.strip(), properties.getProperty(code).strip()));
            return credentials;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's credentials " + file, e);
        }
    }

    /** Reads one hall's YAML file: its code, and each device's code, type and cabinet layout. */
    public static List<HallDevice> readHall(InputStream yaml, String name) {
        JsonNode hall = YAML.readTree(yaml);
        String hallCode = hall.path("code").asString("");
        if (hallCode.isBlank()) {
            throw new IllegalArgumentException(name + ": the hall has no code");
        }
        List<HallDevice> devices = new ArrayList<>();
        for (JsonNode device : hall.path("devices")) {
            String code = device.path("code").asString("");
            String type = device.path("type").asString("");
            if (code.isBlank() || type.isBlank()) {
                throw new IllegalArgumentException(name + ": a device of hall " + hallCode + " lacks its code or type");
            }
            JsonNode cabinet = device.path("cabinet");
            List<String> compartments = cabinet.isObject()
                    ? SimulatedDeviceSpec.compartments(cabinet.path("rows").asInt(0), cabinet.path("columns").asInt(0))
                    : List.of();
            devices.add(new HallDevice(code, type, hallCode, compartments));
        }
        return devices;
    }

    /** Reads a hall's file, or every {@code *.yaml} in a folder. */
    public static List<HallDevice> readHalls(Path fileOrDirectory) {
        try {
            List<Path> files;
            if (Files.isDirectory(fileOrDirectory)) {
                try (Stream<Path> list = Files.list(fileOrDirectory)) {
                    files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
                }
            }
            else {
                files = List.of(fileOrDirectory);
            }
            List<HallDevice> devices = new ArrayList<>();
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    devices.addAll(readHall(in, file.toString()));
                }
            }
            return devices;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the halls' files " + fileOrDirectory, e);
        }
    }

    /**
     * The devices to simulate: those of the halls that have a credential (in the halls' order),
     * then the synthetic ones, at most {@code limit} in all.
     */
    public static List<SimulatedDeviceSpec> devices(Map<String, String> credentials, List<HallDevice> halls, int limit) {
        List<SimulatedDeviceSpec> specs = new ArrayList<>();
        Map<String, String> remaining = new LinkedHashMap<>(credentials);
        for (HallDevice d : halls) {
            String password = remaining.remove(d.code());
            if (password != null && specs.size() < limit) {
                specs.add(new SimulatedDeviceSpec(d.code(), d.type(), d.hall(), password, d.compartments()));
            }
        }
        for (Map.Entry<String, String> synthetic : remaining.entrySet()) {
            if (specs.size() >= limit) {
                break;
            }
            String code = synthetic.getKey();
            int marker = code.indexOf("-SIM-");
            String hall = marker > 0 ? code.substring(0, marker) : "BENCH";
            specs.add(new SimulatedDeviceSpec(code, "GOV_KIOSK", hall, synthetic.getValue(), List.of()));
        }
        return specs;
    }
}
