package org.hall24.device.gateway;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hall24.device.IdCard;
import org.hall24.device.gateway.ParseResult.Parsed;
import org.hall24.device.gateway.ParseResult.Rejected;
import org.hall24.device.gateway.Payload.CardReadBody;
import org.hall24.device.gateway.Payload.Compartment;
import org.hall24.device.gateway.Payload.DocumentCapturedBody;
import org.hall24.device.gateway.Payload.DoorBody;
import org.hall24.device.gateway.Payload.Event;
import org.hall24.device.gateway.Payload.EventBody;
import org.hall24.device.gateway.Payload.FaceCheckedBody;
import org.hall24.device.gateway.Payload.FingerprintCapturedBody;
import org.hall24.device.gateway.Payload.OccupancyBody;
import org.hall24.device.gateway.Payload.Paper;
import org.hall24.device.gateway.Payload.Peripheral;
import org.hall24.device.gateway.Payload.PeripheralState;
import org.hall24.device.gateway.Payload.Reply;
import org.hall24.device.gateway.Payload.ScanBody;
import org.hall24.device.gateway.Payload.Status;
import org.hall24.device.gateway.Payload.Telemetry;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the bytes of a device message into a {@link Payload} of protocol version 1, or says why
 * not: too large for its kind, not UTF-8 JSON, a {@code v} other than 1, a missing or mistyped
 * field, a value outside its range. It never throws on any input (fuzzed by
 * {@code PayloadParserFuzzTest}), and a rejection reason never quotes the payload, which may hold
 * personal data. Thread-safe.
 */
public final class PayloadParser {

    /** Status, telemetry and replies: 16 KiB. */
    public static final int SMALL_LIMIT = 16 * 1024;
    /** Events (a card photo, a document image): 2 MiB. */
    public static final int EVENT_LIMIT = 2 * 1024 * 1024;
    public static final int VERSION = 1;

    private static final int MAX_STRING = 4096;
    private static final int MAX_PERIPHERALS = 32;
    private static final int MAX_COMPARTMENTS = 512;
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** A session nonce as the platform issues it (an opaque token, echoed by the kiosk). */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public ParseResult<Status> status(byte[] payload) {
        return parse(payload, SMALL_LIMIT, this::status);
    }

    public ParseResult<Telemetry> telemetry(byte[] payload) {
        return parse(payload, SMALL_LIMIT, this::telemetry);
    }

    public ParseResult<Reply> reply(byte[] payload) {
        return parse(payload, SMALL_LIMIT, this::reply);
    }

    /** An event of the given type (the last topic level, e.g. {@code card-read}). */
    public ParseResult<Event> event(String type, byte[] payload) {
        return parse(payload, EVENT_LIMIT, node -> event(type, node));
    }

    private interface Reader<T> {
        T read(JsonNode node);
    }

    /** A rule broken; the message names the rule, never the value. */
    private static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private <T extends Payload> ParseResult<T> parse(byte @Nullable [] payload, int limit, Reader<T> reader) {
        if (payload == null || payload.length == 0) {
            return new Rejected<>("empty payload");
        }
        if (payload.length > limit) {
            return new Rejected<>("payload of " + payload.length + " bytes exceeds the limit of " + limit);
        }
        JsonNode node;
        try {
            node = json.readTree(payload);
        }
        catch (RuntimeException e) {
            return new Rejected<>("not JSON");
        }
        try {
            if (node == null || !node.isObject()) {
                return new Rejected<>("not a JSON object");
            }
            JsonNode v = node.get("v");
            if (v == null) {
                return new Rejected<>("missing field v");
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() != VERSION) {
                return new Rejected<>("unknown version");
            }
            return new Parsed<>(reader.read(node));
        }
        catch (Invalid e) {
            return new Rejected<>(e.getMessage());
        }
        catch (RuntimeException e) {
            return new Rejected<>("invalid payload (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Status status(JsonNode node) {
        String state = text(node, "state");
        boolean online = switch (state) {
            case "online" -> true;
            case "offline" -> false;
            default -> throw new Invalid("field state is neither online nor offline");
        };
        Instant ts = online || node.has("ts") ? instant(node, "ts") : null;
        String reason = optionalText(node, "reason");
        String firmware = optionalText(node, "firmware");
        int interval = node.has("interval") ? (int) integer(node, "interval", 1, 3600) : Status.DEFAULT_INTERVAL;
        return new Status(ts, online, reason, firmware, interval);
    }

    private Telemetry telemetry(JsonNode node) {
        Instant ts = instant(node, "ts");
        long seq = integer(node, "seq", 0, Long.MAX_VALUE);
        long uptime = node.has("uptime") ? integer(node, "uptime", 0, Long.MAX_VALUE) : 0;
        JsonNode peripheralsNode = required(node, "peripherals");
        if (!peripheralsNode.isObject()) {
            throw new Invalid("field peripherals is not an object");
        }
        if (peripheralsNode.size() > MAX_PERIPHERALS) {
            throw new Invalid("too many peripherals");
        }
        Map<String, Peripheral> peripherals = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : peripheralsNode.properties()) {
            if (!NAME.matcher(entry.getKey()).matches()) {
                throw new Invalid("invalid peripheral name");
            }
            JsonNode p = entry.getValue();
            if (!p.isObject()) {
                throw new Invalid("peripheral " + entry.getKey() + " is not an object");
            }
            PeripheralState state = choice(p, "state", PeripheralState.class);
            Paper paper = p.has("paper") ? choice(p, "paper", Paper.class) : null;
            peripherals.put(entry.getKey(), new Peripheral(state, paper));
        }
        List<Compartment> compartments = new ArrayList<>();
        if (node.has("compartments")) {
            JsonNode array = node.get("compartments");
            if (!array.isArray()) {
                throw new Invalid("field compartments is not an array");
            }
            if (array.size() > MAX_COMPARTMENTS) {
                throw new Invalid("too many compartments");
            }
            for (JsonNode c : array) {
                if (!c.isObject()) {
                    throw new Invalid("a compartment is not an object");
                }
                String id = name(c, "id");
                String door = text(c, "door");
                if (!door.equals("open") && !door.equals("closed")) {
                    throw new Invalid("field door is neither open nor closed");
                }
                compartments.add(new Compartment(id, door.equals("open"), bool(c, "occupied")));
            }
        }
        return new Telemetry(ts, seq, uptime, Map.copyOf(peripherals), List.copyOf(compartments));
    }

    private Reply reply(JsonNode node) {
        Instant ts = instant(node, "ts");
        UUID id = uuid(node, "id");
        String result = text(node, "result");
        boolean ok = switch (result) {
            case "ok" -> true;
            case "error" -> false;
            default -> throw new Invalid("field result is neither ok nor error");
        };
        String code = ok ? optionalText(node, "code") : text(node, "code");
        if (code != null && !NAME.matcher(code).matches()) {
            throw new Invalid("invalid field code");
        }
        return new Reply(ts, id, ok, code, optionalText(node, "message"));
    }

    private Event event(String type, JsonNode node) {
        Instant ts = instant(node, "ts");
        UUID id = uuid(node, "id");
        EventBody body = switch (type) {
            case "card-read" -> cardRead(required(node, "card"));
            case "face-checked" -> faceChecked(node);
            case "document-captured" -> documentCaptured(node);
            case "fingerprint-captured" -> new FingerprintCapturedBody(base64(node, "template"), (int) integer(node, "quality", 0, 100));
            case "door-opened" -> new DoorBody(true, name(node, "compartment"));
            case "door-closed" -> new DoorBody(false, name(node, "compartment"));
            case "compartment-occupancy" -> new OccupancyBody(name(node, "compartment"), bool(node, "occupied"));
            case "code-scanned" -> new ScanBody(scanned(node));
            default -> throw new Invalid("unknown event type");
        };
        return new Event(ts, id, body);
    }

    /** What a code scanner read: 1 to 512 printable ASCII characters (a token, a pickup code), nothing else. */
    private String scanned(JsonNode node) {
        String code = text(node, "code");
        if (code.isEmpty() || code.length() > 512 || !code.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new Invalid("field code is not 1 to 512 printable ASCII characters");
        }
        return code;
    }

    private CardReadBody cardRead(JsonNode card) {
        if (!card.isObject()) {
            throw new Invalid("field card is not an object");
        }
        String idNumber = text(card, "idNumber");
        if (!ID_NUMBER.matcher(idNumber).matches()) {
            throw new Invalid("field card.idNumber is not an 18-character ID number");
        }
        return new CardReadBody(new IdCard(text(card, "name"), text(card, "sex"), text(card, "ethnicity"),
                text(card, "birthDate"), text(card, "address"), idNumber, text(card, "issuer"),
                text(card, "validFrom"), text(card, "validTo"), base64(card, "photo")));
    }

    /** A missing or empty {@code signature} is not malformed: the identity module refuses and audits an unsigned report. */
    private FaceCheckedBody faceChecked(JsonNode node) {
        String nonce = text(node, "nonce");
        if (!NONCE.matcher(nonce).matches()) {
            throw new Invalid("field nonce is not a session nonce");
        }
        String cardHash = text(node, "cardHash");
        if (!SHA256_HEX.matcher(cardHash).matches()) {
            throw new Invalid("field cardHash is not 64 lower-case hex digits");
        }
        String signature = optionalText(node, "signature");
        return new FaceCheckedBody(nonce, cardHash, fraction(node, "score"), bool(node, "liveness"),
                signature == null ? "" : signature);
    }

    private DocumentCapturedBody documentCaptured(JsonNode node) {
        String format = text(node, "format");
        if (!format.equals("image/jpeg") && !format.equals("image/png")) {
            throw new Invalid("field format is neither image/jpeg nor image/png");
        }
        return new DocumentCapturedBody(format, base64(node, "image"), (int) integer(node, "pages", 1, 1000));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Invalid("missing field " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isString()) {
            throw new Invalid("field " + field + " is not a string");
        }
        String text = value.stringValue();
        if (text.length() > MAX_STRING) {
            throw new Invalid("field " + field + " is too long");
        }
        return text;
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    private static String name(JsonNode node, String field) {
        String name = text(node, field);
        if (!NAME.matcher(name).matches()) {
            throw new Invalid("field " + field + " is not a valid name");
        }
        return name;
    }

    private static long integer(JsonNode node, String field, long min, long max) {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Invalid("field " + field + " is not an integer");
        }
        long n = value.longValue();
        if (n < min || n > max) {
            throw new Invalid("field " + field + " is out of range");
        }
        return n;
    }

    private static double fraction(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new Invalid("field " + field + " is not a number");
        }
        double d = value.doubleValue();
        if (!(d >= 0 && d <= 1)) {
            throw new Invalid("field " + field + " is out of range");
        }
        return d;
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw new Invalid("field " + field + " is not a boolean");
        }
        return value.booleanValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new Invalid("field " + field + " is not an ISO-8601 instant");
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        String text = text(node, field);
        if (text.length() != 36) {
            throw new Invalid("field " + field + " is not a UUID");
        }
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException e) {
            throw new Invalid("field " + field + " is not a UUID");
        }
    }

    private static byte[] base64(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isString()) {
            throw new Invalid("field " + field + " is not a string");
        }
        try {
            return Base64.getDecoder().decode(value.stringValue());
        }
        catch (IllegalArgumentException e) {
            throw new Invalid("field " + field + " is not base64");
        }
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type) {
        String text = text(node, field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        throw new Invalid("field " + field + " has an unknown value");
    }
}
