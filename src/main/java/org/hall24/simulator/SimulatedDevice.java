package org.hall24.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated device speaking the device protocol ({@code docs/device-protocol.md}) with its own
 * credential: retained {@code status}, {@code telemetry} every interval, events on demand, and
 * replies to {@code commands} as a real kiosk agent or cabinet controller would. It is also the
 * control handle for scripted faults; every method may be called from any thread at any time.
 * <p>
 * Timers run on the simulator's shared scheduler, never on a thread of the device's own, so one
 * process can hold thousands of devices (Paho still keeps its own I/O threads per connection).
 */
public final class SimulatedDevice {

    /** Sheets in a full paper tray; at or below {@link #PAPER_LOW_SHEETS} the printer reports {@code low}. */
    public static final int PAPER_FULL_SHEETS = 500;
    public static final int PAPER_LOW_SHEETS = 20;
    static final int TELEMETRY_LIMIT = 16 * 1024;
    static final int REMEMBERED_REPLIES = 500;
    /** How many printed documents a simulated kiosk keeps for {@link #printed()}; older ones are dropped. */
    public static final int KEPT_PRINTS = 20;
    static final String PDF = "application/pdf";
    /** How long {@link #faceChecked} waits, after a card read, for the platform's {@code face-check} nonce. */
    static final long FACE_CHECK_WAIT_MILLIS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SimulatedDevice.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulatedDeviceSpec spec;
    private final SimulatorSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Instant bootedAt;
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, String> peripherals = new ConcurrentHashMap<>();
    private final Map<String, Boolean> doorOpen = new ConcurrentHashMap<>();
    private final Map<String, Boolean> occupied = new ConcurrentHashMap<>();
    private final Set<String> jammed = ConcurrentHashMap.newKeySet();
    private final Set<String> leftOpen = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> replies = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > REMEMBERED_REPLIES;
        }
    };

    private final Deque<PrintedDocument> printed = new ArrayDeque<>();
    /** The face module of a kiosk with a face camera. */
    private final @Nullable SimulatedFaceModule face;
    private volatile int paperSheets = PAPER_FULL_SHEETS;
    private volatile Duration replyDelay = Duration.ZERO;
    private volatile boolean screenLocked;
    private volatile boolean wanted;
    private @Nullable MqttAsyncClient client;
    private @Nullable ScheduledFuture<?> telemetry;

    SimulatedDevice(SimulatedDeviceSpec spec, SimulatorSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this.spec = spec;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.bootedAt = clock.instant();
        this.face = spec.isFullKiosk() ? new SimulatedFaceModule() : null;
        if (spec.isCabinet()) {
            peripherals.put("locks", "ok");
            peripherals.put("doorSensors", "ok");
            for (String c : spec.compartments()) {
                doorOpen.put(c, false);
                occupied.put(c, false);
            }
        }
        else {
            peripherals.put("idCardReader", "ok");
            if (spec.isFullKiosk()) {
                peripherals.put("faceCamera", "ok");
                peripherals.put("documentCamera", "ok");
                peripherals.put("fingerprintReader", "ok");
            }
            peripherals.put("printer", "ok");
        }
    }

    public String code() {
        return spec.code();
    }

    public SimulatedDeviceSpec spec() {
        return spec;
    }

    /** Whether the device's connection to the broker is up. */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    // ---------------------------------------------------------------- connection

    /** Connects (and keeps reconnecting after a lost connection) until {@link #stop()} or {@link #goOffline()}. */
    public synchronized void start() {
        wanted = true;
        connect();
    }

    /** A clean shutdown: retained {@code offline} with reason {@code shutdown}, then DISCONNECT; the last will does not fire. */
    public synchronized void stop() {
        wanted = false;
        stopTelemetry();
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                publish("status", status("offline", "shutdown"), 1, true);
                c.disconnect(2_000).waitForCompletion(3_000);
            }
        }
        catch (MqttException e) {
            log.debug("{}: disconnect: {}", code(), e.getMessage());
        }
        try {
            c.close(true);
        }
        catch (MqttException e) {
            log.debug("{}: close: {}", code(), e.getMessage());
        }
        client = null;
    }

    /**
     * Fault: the device drops off abruptly (power cut, cable pulled): the socket closes without a
     * DISCONNECT packet, so the broker publishes the last will ({@code offline},
     * {@code connection-lost}). It stays away until {@link #comeBack()}.
     */
    public synchronized void goOffline() {
        wanted = false;
        stopTelemetry();
        MqttAsyncClient c = client;
        if (c != null && c.isConnected()) {
            try {
                c.disconnectForcibly(0, 1, false);
            }
            catch (MqttException e) {
                log.debug("{}: forced disconnect: {}", code(), e.getMessage());
            }
        }
        log.info("Simulated device {} went offline (abruptly)", code());
    }

    /** Ends {@link #goOffline()}: the device connects again and says it is online. */
    public synchronized void comeBack() {
        log.info("Simulated device {} comes back", code());
        start();
    }

    private synchronized void connect() {
        if (!wanted) {
            return;
        }
        try {
            if (client == null) {
                client = new MqttAsyncClient(settings.brokerUrl(), code(), new MemoryPersistence(),
                        new ScheduledExecutorPingSender(scheduler), null);
                client.setCallback(new Callback());
            }
            if (client.isConnected()) {
                return;
            }
            client.connect(options(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    log.debug("{}: cannot connect to {}: {}", code(), settings.brokerUrl(), failure.getMessage());
                    retryLater();
                }
            });
        }
        catch (MqttException e) {
            log.debug("{}: connect: {}", code(), e.getMessage());
            retryLater();
        }
    }

    private void retryLater() {
        if (wanted) {
            scheduler.schedule(this::connect, 1_000 + ThreadLocalRandom.current().nextInt(2_000), TimeUnit.MILLISECONDS);
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(code());
        options.setPassword(spec.password().toCharArray());
        options.setCleanSession(false);
        options.setKeepAliveInterval(15);
        options.setConnectionTimeout(10);
        options.setAutomaticReconnect(false);
        options.setMaxInflight(1_000);
        options.setWill(spec.topicRoot() + "status",
                "{\"v\":1,\"state\":\"offline\",\"reason\":\"connection-lost\"}".getBytes(StandardCharsets.UTF_8), 1, true);
        return options;
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            onConnected();
        }

        @Override
        public void connectionLost(Throwable cause) {
            log.info("Simulated device {} lost its connection: {}", code(), cause.getMessage());
            stopTelemetry();
            retryLater();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                onCommand(message.getPayload());
            }
            catch (RuntimeException e) {
                log.warn("{}: command failed: {}", code(), e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    private void onConnected() {
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        if (!wanted) {
            // Went offline while connecting; not on Paho's callback thread, which may not disconnect.
            scheduler.execute(() -> {
                try {
                    c.disconnectForcibly(0, 1, false);
                }
                catch (MqttException e) {
                    log.debug("{}: {}", code(), e.getMessage());
                }
            });
            return;
        }
        try {
            c.subscribe(spec.topicRoot() + "commands", 1);
        }
        catch (MqttException e) {
            log.warn("{}: cannot subscribe to its commands: {}", code(), e.getMessage());
        }
        publish("status", status("online", null), 1, true);
        startTelemetry();
        log.debug("Simulated device {} is online", code());
    }

    private synchronized void startTelemetry() {
        stopTelemetry();
        long interval = settings.interval().toMillis();
        telemetry = scheduler.scheduleAtFixedRate(this::sendTelemetry, ThreadLocalRandom.current().nextLong(interval),
                interval, TimeUnit.MILLISECONDS);
    }

    private synchronized void stopTelemetry() {
        if (telemetry != null) {
            telemetry.cancel(false);
            telemetry = null;
        }
    }

    // ---------------------------------------------------------------- payloads

    private Map<String, Object> header() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("v", 1);
        payload.put("ts", clock.instant().toString());
        return payload;
    }

    private byte[] status(String state, @Nullable String reason) {
        Map<String, Object> payload = header();
        payload.put("state", state);
        if (reason != null) {
            payload.put("reason", reason);
        }
        else {
            payload.put("firmware", settings.firmware());
            payload.put("interval", settings.interval().toSeconds());
        }
        return JSON.writeValueAsBytes(payload);
    }

    /** The telemetry payload this device would send now. */
    Map<String, Object> telemetryPayload() {
        Map<String, Object> payload = header();
        payload.put("seq", seq.incrementAndGet());
        payload.put("uptime", Duration.between(bootedAt, clock.instant()).toSeconds());
        Map<String, Object> health = new LinkedHashMap<>();
        peripherals.forEach((name, state) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("state", state);
            if ("printer".equals(name)) {
                p.put("paper", paperLevel());
            }
            health.put(name, p);
        });
        payload.put("peripherals", health);
        if (spec.isCabinet()) {
            List<Map<String, Object>> compartments = new ArrayList<>();
            for (String c : spec.compartments()) {
                Map<String, Object> compartment = new LinkedHashMap<>();
                compartment.put("id", c);
                compartment.put("door", Boolean.TRUE.equals(doorOpen.get(c)) ? "open" : "closed");
                compartment.put("occupied", Boolean.TRUE.equals(occupied.get(c)));
                compartments.add(compartment);
            }
            payload.put("compartments", compartments);
        }
        return payload;
    }

    private void sendTelemetry() {
        try {
            publish("telemetry", JSON.writeValueAsBytes(telemetryPayload()), 0, false);
        }
        catch (RuntimeException e) {
            log.warn("{}: telemetry failed: {}", code(), e.toString());
        }
    }

    /** Publishes an event ({@code events/{type}}, QoS 1) and returns its id. */
    private String event(String type, Map<String, Object> fields) {
        return event(type, UUID.randomUUID().toString(), fields);
    }

    private String event(String type, String id, Map<String, Object> fields) {
        Map<String, Object> payload = header();
        payload.put("id", id);
        payload.putAll(fields);
        publish("events/" + type, JSON.writeValueAsBytes(payload), 1, false);
        return id;
    }

    private boolean publish(String suffix, byte[] payload, int qos, boolean retained) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            log.debug("{}: not connected, {} not sent", code(), suffix);
            return false;
        }
        try {
            c.publish(spec.topicRoot() + suffix, payload, qos, retained);
            return true;
        }
        catch (MqttException e) {
            log.debug("{}: {} not sent: {}", code(), suffix, e.getMessage());
            return false;
        }
    }

    // ---------------------------------------------------------------- commands

    private record Outcome(String result, @Nullable String code, @Nullable String message, @Nullable Runnable after) {

        static Outcome ok() {
            return new Outcome("ok", null, null, null);
        }

        static Outcome ok(Runnable after) {
            return new Outcome("ok", null, null, after);
        }

        static Outcome error(String code, String message) {
            return new Outcome("error", code, message, null);
        }
    }

    private void onCommand(byte[] bytes) {
        JsonNode command;
        try {
            command = JSON.readTree(bytes);
        }
        catch (JacksonException e) {
            log.warn("{}: a command that is not JSON was ignored", code());
            return;
        }
        String id = command.path("id").asString("");
        if (id.isBlank()) {
            log.warn("{}: a command without id was ignored", code());
            return;
        }
        byte[] earlier;
        synchronized (replies) {
            earlier = replies.get(id);
        }
        if (earlier != null) {
            log.debug("{}: repeated command {} answered with its first reply", code(), id);
            sendReply(earlier, null);
            return;
        }
        String deadline = command.path("deadline").asString("");
        if (!deadline.isBlank()) {
            try {
                if (clock.instant().isAfter(Instant.parse(deadline))) {
                    log.info("{}: command {} arrived past its deadline and was ignored", code(), id);
                    return;
                }
            }
            catch (DateTimeParseException e) {
                log.warn("{}: command {} has an unreadable deadline", code(), id);
            }
        }
        String type = command.path("type").asString("");
        Outcome outcome = command.path("v").asInt(-1) != 1
                ? Outcome.error("INVALID_ARGS", "unknown schema version")
                : execute(id, type, command.path("args"));
        Map<String, Object> reply = header();
        reply.put("id", id);
        reply.put("result", outcome.result());
        if (outcome.code() != null) {
            reply.put("code", outcome.code());
            reply.put("message", outcome.message());
        }
        byte[] payload = JSON.writeValueAsBytes(reply);
        synchronized (replies) {
            replies.put(id, payload);
        }
        log.debug("{}: {} {} -> {} {}", code(), type, id, outcome.result(), outcome.code() == null ? "" : outcome.code());
        sendReply(payload, outcome.after());
    }

    private void sendReply(byte[] payload, @Nullable Runnable after) {
        Runnable send = () -> {
            publish("replies", payload, 1, false);
            if (after != null) {
                after.run();
            }
        };
        Duration delay = replyDelay;
        if (delay.isZero() || delay.isNegative()) {
            send.run();
        }
        else {
            scheduler.schedule(send, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Outcome execute(String id, String type, JsonNode args) {
        switch (type) {
            case "print":
                return spec.isKiosk() ? print(id, args) : Outcome.error("UNKNOWN_COMMAND", "a file cabinet has no printer");
            case "open-compartment":
                return spec.isCabinet() ? openCompartment(args.path("compartment").asString(""))
                        : Outcome.error("UNKNOWN_COMMAND", "a kiosk has no compartments");
            case "lock-screen":
            case "unlock-screen":
                if (!spec.isKiosk()) {
                    return Outcome.error("UNKNOWN_COMMAND", "a file cabinet has no screen");
                }
                screenLocked = type.equals("lock-screen");
                return Outcome.ok();
            case "reboot":
                // Paho forbids disconnecting from its callback thread, where commands arrive.
                return Outcome.ok(() -> scheduler.execute(this::reboot));
            case "face-check":
                if (face == null) {
                    return Outcome.error("UNKNOWN_COMMAND", "this kiosk has no face camera");
                }
                String refused = face.faceCheck(args.path("nonce").asString(""), args.path("cardHash").asString(""));
                return refused == null ? Outcome.ok() : Outcome.error("INVALID_ARGS", refused);
            default:
                return Outcome.error("UNKNOWN_COMMAND", "unknown command type");
        }
    }

    private synchronized Outcome print(String commandId, JsonNode args) {
        String content = args.path("content").asString("");
        if (content.isBlank()) {
            return Outcome.error("INVALID_ARGS", "content missing");
        }
        String format = args.path("format").asString(PDF);
        if (!PDF.equals(format)) {
            return Outcome.error("INVALID_ARGS", "unsupported format " + format);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        }
        catch (IllegalArgumentException e) {
            return Outcome.error("INVALID_ARGS", "content is not base64");
        }
        if (!startsWithPdfMagic(bytes)) {
            return Outcome.error("INVALID_ARGS", "content is not a PDF");
        }
        if (!"ok".equals(peripherals.get("printer"))) {
            return Outcome.error("PRINTER_FAULT", "the printer reports a fault");
        }
        if (paperSheets <= 0) {
            return Outcome.error("PAPER_OUT", "the printer is out of paper");
        }
        int pages = countPages(bytes);
        paperSheets -= Math.min(paperSheets, Math.max(1, pages));
        String documentId = args.path("documentId").asString("");
        synchronized (printed) {
            printed.addFirst(new PrintedDocument(commandId, documentId.isBlank() ? commandId : documentId, format, bytes,
                    clock.instant(), pages));
            while (printed.size() > KEPT_PRINTS) {
                printed.removeLast();
            }
        }
        return Outcome.ok();
    }

    private static boolean startsWithPdfMagic(byte[] bytes) {
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int countPages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The documents this kiosk printed, newest first, at most {@link #KEPT_PRINTS}; read-only. */
    public List<PrintedDocument> printed() {
        synchronized (printed) {
            return List.copyOf(printed);
        }
    }

    /** The newest printed document with this {@code documentId}. */
    public Optional<PrintedDocument> printed(String documentId) {
        synchronized (printed) {
            return printed.stream().filter(p -> p.documentId().equals(documentId)).findFirst();
        }
    }

    private Outcome openCompartment(String compartment) {
        if (compartment.isBlank()) {
            return Outcome.error("INVALID_ARGS", "compartment missing");
        }
        if (!doorOpen.containsKey(compartment)) {
            return Outcome.error("NO_SUCH_COMPARTMENT", "no compartment " + compartment);
        }
        if (jammed.contains(compartment) || !"ok".equals(peripherals.get("locks"))) {
            return Outcome.error("DOOR_JAMMED", "compartment " + compartment + " did not open");
        }
        openDoor(compartment);
        if (!leftOpen.contains(compartment)) {
            scheduler.schedule(() -> {
                if (!leftOpen.contains(compartment) && Boolean.TRUE.equals(doorOpen.get(compartment))) {
                    closeDoor(compartment, !Boolean.TRUE.equals(occupied.get(compartment)));
                }
            }, settings.doorClosesAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
        return Outcome.ok();
    }

    private void reboot() {
        log.info("Simulated device {} reboots", code());
        synchronized (this) {
            stopTelemetry();
            MqttAsyncClient c = client;
            if (c != null && c.isConnected()) {
                publish("status", status("offline", "maintenance"), 1, true);
                try {
                    c.disconnect(1_000).waitForCompletion(2_000);
                }
                catch (MqttException e) {
                    log.debug("{}: {}", code(), e.getMessage());
                }
            }
        }
        scheduler.schedule(this::connect, 2, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------- events on demand

    /** A citizen puts an ID card on the reader: a {@code card-read} event with a generated test identity and photo. */
    public TestIdentity readCard() {
        requireWorking("idCardReader");
        TestIdentity identity = TestIdentities.generate(ThreadLocalRandom.current(), clock.instant().atZone(java.time.ZoneOffset.ofHours(8)).toLocalDate());
        if (face != null) {
            face.cardRead(identity.idNumber());
        }
        event("card-read", Map.of("card", identity.toCard()));
        log.info("Simulated device {} read a card: {}", code(), identity);
        return identity;
    }

    /** The document camera captures a page: a {@code document-captured} event with a generated JPEG. */
    public String captureDocument() {
        requireWorking("documentCamera");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("format", "image/jpeg");
        fields.put("image", Base64.getEncoder().encodeToString(Images.page(ThreadLocalRandom.current().nextLong())));
        fields.put("pages", 1);
        return event("document-captured", fields);
    }

    /** A finger on the reader: a {@code fingerprint-captured} event with a random template. */
    public String captureFingerprint() {
        requireWorking("fingerprintReader");
        byte[] template = new byte[512];
        ThreadLocalRandom.current().nextBytes(template);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("template", Base64.getEncoder().encodeToString(template));
        fields.put("quality", 60 + ThreadLocalRandom.current().nextInt(36));
        return event("fingerprint-captured", fields);
    }

    /**
     * The terminal's face module reports a check of the card on the reader: a {@code face-checked}
     * event with the session nonce the platform sent ({@code face-check}) and the card's hash, signed
     * as {@link SimulatedFaceModule#signature} under {@link SimulatorSettings#faceReportKey()}. After a
     * card read it waits up to {@value #FACE_CHECK_WAIT_MILLIS} ms for that nonce, as a real module
     * starts when the platform asks it to.
     *
     * @throws IllegalStateException without a working face camera, a card on the reader, or a nonce for it
     */
    public String faceChecked(double score, boolean liveness) {
        requireWorking("faceCamera");
        SimulatedFaceModule.Binding binding = Objects.requireNonNull(face).binding(FACE_CHECK_WAIT_MILLIS);
        String id = UUID.randomUUID().toString();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("nonce", binding.nonce());
        fields.put("cardHash", binding.cardHash());
        fields.put("score", score);
        fields.put("liveness", liveness);
        fields.put("signature", SimulatedFaceModule.signature(settings.faceReportKey(), code(), id, binding.nonce(),
                binding.cardHash(), score, liveness));
        return event("face-checked", id, fields);
    }

    /**
     * Someone holds a code to the cabinet's QR scanner (a receipt's deposit token, a pickup code):
     * {@code code-scanned}, with the code as read.
     *
     * @throws IllegalStateException if this device is not a cabinet
     * @throws IllegalArgumentException if the code is not 1 to 512 printable ASCII characters (a scanner reads no other)
     */
    public String scan(String code) {
        if (!spec.isCabinet()) {
            throw new IllegalStateException(code() + " has no code scanner: only a file cabinet has one");
        }
        if (code.isEmpty() || code.length() > 512 || !code.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new IllegalArgumentException("a scanned code is 1 to 512 printable ASCII characters");
        }
        return event("code-scanned", Map.of("code", code));
    }

    /** Someone opens a compartment's door: {@code door-opened}. */
    public String openDoor(String compartment) {
        requireCompartment(compartment);
        doorOpen.put(compartment, true);
        return event("door-opened", Map.of("compartment", compartment));
    }

    /** Someone closes a compartment's door, leaving it as occupied as it was. */
    public String closeDoor(String compartment) {
        requireCompartment(compartment);
        return closeDoor(compartment, Boolean.TRUE.equals(occupied.get(compartment)));
    }

    /** Someone closes a compartment's door: {@code door-closed}, then {@code compartment-occupancy}. */
    public String closeDoor(String compartment, boolean nowOccupied) {
        requireCompartment(compartment);
        doorOpen.put(compartment, false);
        occupied.put(compartment, nowOccupied);
        String id = event("door-closed", Map.of("compartment", compartment));
        event("compartment-occupancy", Map.of("compartment", compartment, "occupied", nowOccupied));
        return id;
    }

    // ---------------------------------------------------------------- faults

    /** Fault: the printer reports paper {@code low}; prints still work. */
    public void paperLow() {
        paperSheets = PAPER_LOW_SHEETS;
    }

    /** Fault: paper {@code out}; a print is answered {@code PAPER_OUT}. */
    public void paperOut() {
        paperSheets = 0;
    }

    public void refillPaper() {
        paperSheets = PAPER_FULL_SHEETS;
    }

    /** Fault: opening this compartment is answered {@code DOOR_JAMMED}. */
    public void jamDoor(String compartment) {
        requireCompartment(compartment);
        jammed.add(compartment);
    }

    /** Fault: when this compartment opens, nobody closes it again. */
    public void leaveDoorOpen(String compartment) {
        requireCompartment(compartment);
        leftOpen.add(compartment);
    }

    /** Fault: every reply waits this long (zero: answer at once). */
    public void slowReplies(Duration delay) {
        replyDelay = delay;
    }

    /** Fault: a peripheral reports {@code fault} in the telemetry and stops working. */
    public void peripheralFault(String peripheral) {
        if (!peripherals.containsKey(peripheral)) {
            throw new IllegalArgumentException(code() + " has no " + peripheral + "; it has " + peripherals.keySet());
        }
        peripherals.put(peripheral, "fault");
    }

    /** Ends every fault except being offline: peripherals ok, paper full, doors free, prompt replies. */
    public void clearFaults() {
        peripherals.replaceAll((name, state) -> "ok");
        paperSheets = PAPER_FULL_SHEETS;
        jammed.clear();
        leftOpen.clear();
        replyDelay = Duration.ZERO;
    }

    /** Fault: sends one malformed payload on {@code telemetry}. */
    public void sendMalformed(MalformedKind kind) {
        sendMalformed(kind, "telemetry");
    }

    /** Fault: sends one malformed payload on the given topic under the device's root ({@code telemetry}, {@code events/card-read}, …). */
    public void sendMalformed(MalformedKind kind, String topicSuffix) {
        byte[] payload = switch (kind) {
            case NOT_JSON -> "this is not JSON {".getBytes(StandardCharsets.UTF_8);
            case OVERSIZED -> {
                Map<String, Object> p = telemetryPayload();
                p.put("padding", "x".repeat(topicSuffix.startsWith("events/") || topicSuffix.equals("commands")
                        ? 2 * 1024 * 1024 + 1 : TELEMETRY_LIMIT + 1));
                yield JSON.writeValueAsBytes(p);
            }
            case UNKNOWN_VERSION -> {
                Map<String, Object> p = telemetryPayload();
                p.put("v", 99);
                yield JSON.writeValueAsBytes(p);
            }
            case MISSING_FIELD -> {
                Map<String, Object> p = telemetryPayload();
                p.remove("ts");
                yield JSON.writeValueAsBytes(p);
            }
        };
        publish(topicSuffix, payload, 1, false);
        log.info("Simulated device {} sent a malformed payload ({}) on {}", code(), kind, topicSuffix);
    }

    // ---------------------------------------------------------------- what it is like now

    /** {@code ok}, {@code low} or {@code out}. */
    public String paperLevel() {
        int sheets = paperSheets;
        return sheets <= 0 ? "out" : sheets <= PAPER_LOW_SHEETS ? "low" : "ok";
    }

    public int paperSheets() {
        return paperSheets;
    }

    /** Each peripheral's state ({@code ok} | {@code fault}). */
    public Map<String, String> peripherals() {
        return Map.copyOf(peripherals);
    }

    /** The compartments whose door is open now. */
    public List<String> openDoors() {
        return spec.compartments().stream().filter(c -> Boolean.TRUE.equals(doorOpen.get(c))).toList();
    }

    public Set<String> jammedDoors() {
        return Set.copyOf(jammed);
    }

    public Duration replyDelay() {
        return replyDelay;
    }

    public boolean isScreenLocked() {
        return screenLocked;
    }

    private void requireWorking(String peripheral) {
        String state = peripherals.get(peripheral);
        if (state == null) {
            throw new IllegalStateException(code() + " has no " + peripheral);
        }
        if (!"ok".equals(state)) {
            throw new IllegalStateException(code() + ": the " + peripheral + " is out of order");
        }
    }

    private void requireCompartment(String compartment) {
        if (!doorOpen.containsKey(compartment)) {
            throw new IllegalArgumentException(code() + " has no compartment " + compartment);
        }
    }

    @Override
    public String toString() {
        return "SimulatedDevice[" + code() + (isConnected() ? ", online" : ", offline") + "]";
    }
}
