package org.hall24.bench.gatling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

/**
 * The device side of one virtual kiosk ({@code docs/device-protocol.md}): an MQTT 3.1.1 connection
 * to the app's broker with the device's own credential (client id = username = device code),
 * {@code status} online (retained), {@code telemetry} every {@link #TELEMETRY_SECONDS}, every
 * command answered {@code ok} by correlation id (a {@code print} only when its content is a PDF,
 * as the simulator does; a {@code face-check} keeps its session nonce when it names the card read
 * last), and the events a citizen causes: {@code card-read}, {@code face-checked} (over the nonce
 * the platform sent for that card, signed like {@code SimulatedFaceModule.signature}) and
 * {@code document-captured}.
 */
final class BenchKiosk {

    static final int TELEMETRY_SECONDS = 10;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CONTENT = Pattern.compile("\"content\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([A-Za-z0-9_-]{16,64})\"");
    private static final Pattern CARD_HASH = Pattern.compile("\"cardHash\"\\s*:\\s*\"([0-9a-f]{64})\"");
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** Totals over all kiosks, read by the simulation's summary. */
    static final AtomicLong COMMANDS = new AtomicLong();
    static final AtomicLong PRINTS_OK = new AtomicLong();
    static final AtomicLong PRINTS_NOT_PDF = new AtomicLong();
    static final AtomicLong PRINTED_BYTES = new AtomicLong();
    static final AtomicLong PUBLISH_FAILURES = new AtomicLong();
    static final AtomicLong RECONNECTS = new AtomicLong();

    final String code;
    final String pairingToken;
    private final String topic;
    private final String password;
    private final Mqtt3AsyncClient client;
    private final String faceKey;
    private long seq;
    /** The card read last and the nonce the platform sent for it (completed by its face-check command). */
    private volatile Face face = new Face("", new CompletableFuture<>());

    private record Face(String cardHash, CompletableFuture<String> nonce) {
    }
    private volatile ScheduledFuture<?> telemetry;

    BenchKiosk(String code, String hall, String password, String pairingToken, String host, int port, String faceKey) {
        this.code = code;
        this.password = password;
        this.pairingToken = pairingToken;
        this.faceKey = faceKey;
        this.topic = "hall24/" + hall + "/" + code + "/";
        this.client = MqttClient.builder().useMqttVersion3().identifier(code).serverHost(host).serverPort(port).buildAsync();
    }

    /**
     * Connects, subscribes and says online; then telemetry. Moquette 0.17 at times drops a SUBSCRIBE
     * that follows its CONNACK at once under a burst of connections ("SUBSCRIBE received on already
     * closed connection", see the device benchmark): an attempt that fails or takes over 10 s is
     * retried after 1–3 s, three attempts in all (as {@code DeviceLoad} does).
     */
    CompletableFuture<Void> connect(ScheduledExecutorService timers) {
        return connect(timers, 1);
    }

    private CompletableFuture<Void> connect(ScheduledExecutorService timers, int attempt) {
        return attempt(timers).handle((ok, e) -> {
            if (e == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            RECONNECTS.incrementAndGet();
            if (attempt >= 3) {
                return CompletableFuture.<Void>failedFuture(e);
            }
            CompletableFuture<Void> later = new CompletableFuture<>();
            client.disconnect().handle((d, de) -> null).thenRun(() -> timers.schedule(
                    () -> connect(timers, attempt + 1).whenComplete((v, ce) -> {
                        if (ce == null) {
                            later.complete(null);
                        }
                        else {
                            later.completeExceptionally(ce);
                        }
                    }), 1000 + ThreadLocalRandom.current().nextLong(2000), TimeUnit.MILLISECONDS));
            return later;
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Void> attempt(ScheduledExecutorService timers) {
        return client.connectWith()
                .cleanSession(true)
                .keepAlive(30)
                .simpleAuth().username(code).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .willPublish().topic(topic + "status").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(json("\"state\":\"offline\",\"reason\":\"connection-lost\"")).applyWillPublish()
                .send()
                .thenCompose(ack -> client.subscribeWith().topicFilter(topic + "commands").qos(MqttQos.AT_LEAST_ONCE)
                        .callback(this::command).send())
                .thenCompose(subAck -> client.publishWith().topic(topic + "status").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                        .payload(json("\"state\":\"online\",\"firmware\":\"bench-kiosk-1\",\"interval\":" + TELEMETRY_SECONDS))
                        .send())
                .thenAccept(published -> {
                    if (telemetry != null) {
                        return;
                    }
                    long first = ThreadLocalRandom.current().nextLong(TELEMETRY_SECONDS * 1000L);
                    telemetry = timers.scheduleAtFixedRate(this::telemetry, first, TELEMETRY_SECONDS * 1000L, TimeUnit.MILLISECONDS);
                })
                .orTimeout(10, TimeUnit.SECONDS);
    }

    private void telemetry() {
        publish("telemetry", MqttQos.AT_MOST_ONCE, false, json("\"seq\":" + (seq++) + ",\"peripherals\":{"
                + "\"idCardReader\":{\"state\":\"ok\"},\"faceCamera\":{\"state\":\"ok\"},"
                + "\"documentCamera\":{\"state\":\"ok\"},\"printer\":{\"state\":\"ok\",\"paper\":\"ok\"}}"));
    }

    private void command(Mqtt3Publish publish) {
        COMMANDS.incrementAndGet();
        String body = StandardCharsets.UTF_8.decode(publish.getPayload().orElse(ByteBuffer.allocate(0))).toString();
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            return;
        }
        Matcher type = TYPE.matcher(body);
        String reply = "\"id\":\"" + id.group(1) + "\",\"result\":\"ok\"";
        String kind = type.find() ? type.group(1) : "";
        if (kind.equals("face-check")) {
            Matcher nonce = NONCE.matcher(body);
            Matcher cardHash = CARD_HASH.matcher(body);
            Face current = face;
            if (nonce.find() && cardHash.find() && cardHash.group(1).equals(current.cardHash())) {
                current.nonce().complete(nonce.group(1));
            }
            else {
                reply = "\"id\":\"" + id.group(1) + "\",\"result\":\"error\",\"code\":\"INVALID_ARGS\",\"message\":\"not the card on the reader\"";
            }
        }
        else if (kind.equals("print")) {
            Matcher content = CONTENT.matcher(body);
            byte[] pdf = content.find() ? decode(content.group(1)) : new byte[0];
            if (startsWith(pdf, PDF_MAGIC)) {
                PRINTS_OK.incrementAndGet();
                PRINTED_BYTES.addAndGet(pdf.length);
            }
            else {
                PRINTS_NOT_PDF.incrementAndGet();
                reply = "\"id\":\"" + id.group(1) + "\",\"result\":\"error\",\"code\":\"INVALID_ARGS\",\"message\":\"content is not a PDF\"";
            }
        }
        publish("replies", MqttQos.AT_LEAST_ONCE, false, json(reply));
    }

    /** A citizen's ID card on the reader. */
    void cardRead(TestCards.Card card) {
        face = new Face(sha256Hex(card.idNumber().toUpperCase(Locale.ROOT)), new CompletableFuture<>());
        event("card-read", UUID.randomUUID().toString(), "\"card\":" + card.json());
    }

    /**
     * The face module's signed report on the card read last (score as Java's {@code Double.toString},
     * as the app verifies it), sent once the platform's {@code face-check} nonce for that card is here;
     * never blocks the caller.
     */
    void faceChecked(double score) {
        Face current = face;
        current.nonce().thenAccept(nonce -> {
            String id = UUID.randomUUID().toString();
            String signed = "face-checked|" + code + "|" + id + "|" + nonce + "|" + current.cardHash() + "|" + score + "|" + true;
            event("face-checked", id, "\"nonce\":\"" + nonce + "\",\"cardHash\":\"" + current.cardHash() + "\",\"score\":"
                    + score + ",\"liveness\":true,\"signature\":\"" + hmac(signed) + "\"");
        });
    }

    /** A page on the document camera. */
    void documentCaptured(String jpegBase64) {
        event("document-captured", UUID.randomUUID().toString(),
                "\"format\":\"image/jpeg\",\"image\":\"" + jpegBase64 + "\",\"pages\":1");
    }

    private void event(String type, String id, String fields) {
        publish("events/" + type, MqttQos.AT_LEAST_ONCE, false, json("\"id\":\"" + id + "\"," + fields));
    }

    private void publish(String suffix, MqttQos qos, boolean retain, byte[] payload) {
        client.publishWith().topic(topic + suffix).qos(qos).retain(retain).payload(payload).send()
                .whenComplete((p, e) -> {
                    if (e != null) {
                        PUBLISH_FAILURES.incrementAndGet();
                    }
                });
    }

    CompletableFuture<?> close() {
        if (telemetry != null) {
            telemetry.cancel(false);
        }
        return client.publishWith().topic(topic + "status").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(json("\"state\":\"offline\",\"reason\":\"shutdown\"")).send()
                .thenCompose(p -> client.disconnect())
                .exceptionally(e -> null);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(faceKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] json(String fields) {
        return ("{\"v\":1,\"ts\":\"" + Instant.now() + "\"," + fields + "}").getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Long> totals() {
        return Map.of("commands", COMMANDS.get(), "prints_ok", PRINTS_OK.get(), "prints_not_pdf", PRINTS_NOT_PDF.get(),
                "printed_bytes", PRINTED_BYTES.get(), "publish_failures", PUBLISH_FAILURES.get(), "connect_retries", RECONNECTS.get());
    }
}
