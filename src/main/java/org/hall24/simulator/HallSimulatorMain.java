package org.hall24.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the hall simulator alone, without Spring, against any broker — a remote deployment, a
 * Mosquitto, or a benchmark node:
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=org.hall24.simulator.HallSimulatorMain \
 *   -Dexec.args="--broker=tcp://hall24.example:1883 --credentials=data/simulator/credentials.properties --halls=src/main/resources/halls"
 * </pre>
 *
 * Options: {@code --broker} (default {@code tcp://127.0.0.1:18830}), {@code --credentials}
 * (default {@code data/simulator/credentials.properties}), {@code --halls} a hall's YAML file or a
 * folder of them (default {@code src/main/resources/halls}), {@code --interval} seconds (default
 * 10), {@code --devices=N} to simulate at most N devices (synthetic ones need credentials too),
 * {@code --face-report-key} the key the face modules sign with (the platform's
 * {@code hall24.identity.face.report-key}; default the demo key).
 * Then type commands on stdin; {@code help} lists them.
 */
public final class HallSimulatorMain {

    static final String HELP = """
            commands (device = a device code, c = a compartment such as B3):
              list                          every device: online?, paper, open doors, faults
              card <device>                 an ID card on the reader (generated test identity)
              document <device>             the document camera captures a page
              fingerprint <device>          a finger on the reader
              face <device> [score] [live]  the face module reports on the card read last (default 0.92 true),
                                            signed over the nonce the platform sent for it (face-check)
              open <device> <c>             someone opens a door (cabinet)
              close <device> <c>            someone closes it
              offline <device>              drop off abruptly (the last will fires)
              online <device>               come back
              paper-low|paper-out|refill <device>
              jam <device> <c>              open-compartment on c answers DOOR_JAMMED
              leave-open <device> <c>       c opens but never closes
              scan <cabinet> <code>         the cabinet's QR scanner reads code (code-scanned)
              slow <device> <millis>        delay every reply
              fault <device> <peripheral>   e.g. printer, idCardReader, locks
              malformed <device> <NOT_JSON|OVERSIZED|UNKNOWN_VERSION|MISSING_FIELD> [topic]
              clear <device>                end every fault but offline
              quit
            """;

    private HallSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("unknown argument " + arg + "; expected --name=value");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path credentials = Path.of(options.getOrDefault("credentials", "data/simulator/credentials.properties"));
        Path halls = Path.of(options.getOrDefault("halls", "src/main/resources/halls"));
        if (!Files.exists(credentials)) {
            System.err.println("no credentials file " + credentials + " (deviceCode=password lines); give --credentials=...");
            System.exit(2);
        }
        List<DeviceFiles.HallDevice> hallDevices = Files.exists(halls) ? DeviceFiles.readHalls(halls) : List.of();
        int limit = Integer.parseInt(options.getOrDefault("devices", String.valueOf(Integer.MAX_VALUE)));
        List<SimulatedDeviceSpec> specs = DeviceFiles.devices(DeviceFiles.readCredentials(credentials), hallDevices, limit);
        if (specs.isEmpty()) {
            System.err.println("no device to simulate: " + credentials + " has no credential of a device in " + halls);
            System.exit(2);
        }
        SimulatorSettings settings = SimulatorSettings.of(options.getOrDefault("broker", "tcp://127.0.0.1:18830"))
                .withInterval(Duration.ofSeconds(Long.parseLong(options.getOrDefault("interval", "10"))))
                .withStartJitter(Duration.ofMillis(Math.max(2_000, specs.size() * 2L)))
                .withFaceReportKey(options.getOrDefault("face-report-key", SimulatorSettings.DEMO_FACE_REPORT_KEY));
        HallSimulator simulator = new HallSimulator(settings, specs);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "hall-simulator-shutdown"));
        simulator.start();
        System.out.println(specs.size() + " devices starting against " + settings.brokerUrl() + "; type help");

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.strip().equals("quit")) {
                System.exit(0);
            }
            run(simulator, line, System.out);
        }
        stopped.await();
    }

    /** Runs one console command; a mistake is reported, never thrown. */
    static void run(HallSimulator simulator, String line, PrintStream out) {
        String[] w = line.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            return;
        }
        try {
            switch (w[0]) {
                case "help" -> out.print(HELP);
                case "list" -> simulator.devices().forEach(d -> out.printf("%-20s %-18s %-8s paper=%-4s doors=%s faults=%s%n",
                        d.code(), d.spec().type(), d.isConnected() ? "online" : "offline",
                        d.spec().isKiosk() ? d.paperLevel() : "-", d.openDoors(),
                        d.peripherals().entrySet().stream().filter(e -> !e.getValue().equals("ok")).map(Map.Entry::getKey).toList()));
                case "card" -> out.println("card read: " + device(simulator, w).readCard());
                case "document" -> out.println("document event " + device(simulator, w).captureDocument());
                case "fingerprint" -> out.println("fingerprint event " + device(simulator, w).captureFingerprint());
                case "face" -> out.println("face event " + device(simulator, w).faceChecked(
                        w.length > 2 ? Double.parseDouble(w[2]) : 0.92, w.length <= 3 || Boolean.parseBoolean(w[3])));
                case "open" -> out.println("door event " + device(simulator, w).openDoor(arg(w, 2)));
                case "close" -> out.println("door event " + device(simulator, w).closeDoor(arg(w, 2)));
                case "offline" -> device(simulator, w).goOffline();
                case "online" -> device(simulator, w).comeBack();
                case "paper-low" -> device(simulator, w).paperLow();
                case "paper-out" -> device(simulator, w).paperOut();
                case "refill" -> device(simulator, w).refillPaper();
                case "jam" -> device(simulator, w).jamDoor(arg(w, 2));
                case "leave-open" -> device(simulator, w).leaveDoorOpen(arg(w, 2));
                case "scan" -> device(simulator, w).scan(arg(w, 2));
                case "slow" -> device(simulator, w).slowReplies(Duration.ofMillis(Long.parseLong(arg(w, 2))));
                case "fault" -> device(simulator, w).peripheralFault(arg(w, 2));
                case "malformed" -> device(simulator, w).sendMalformed(MalformedKind.valueOf(arg(w, 2)), w.length > 3 ? w[3] : "telemetry");
                case "clear" -> device(simulator, w).clearFaults();
                default -> out.println("unknown command " + w[0] + "; type help");
            }
        }
        catch (RuntimeException e) {
            out.println("cannot: " + e.getMessage());
        }
    }

    private static SimulatedDevice device(HallSimulator simulator, String[] w) {
        return simulator.device(arg(w, 1));
    }

    private static String arg(String[] w, int index) {
        if (w.length <= index) {
            throw new IllegalArgumentException("missing argument " + index + " of " + w[0] + "; type help");
        }
        return w[index];
    }
}
