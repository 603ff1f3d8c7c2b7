package org.hall24.device.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hall24.device.CardRead;
import org.hall24.device.CodeScanned;
import org.hall24.device.CompartmentOccupancyChanged;
import org.hall24.device.DocumentCaptured;
import org.hall24.device.DoorClosed;
import org.hall24.device.DoorOpened;
import org.hall24.device.FaceChecked;
import org.hall24.device.FingerprintCaptured;
import org.hall24.device.IdCard;
import org.jspecify.annotations.Nullable;

/**
 * A device-to-platform message of protocol version 1, as {@link PayloadParser} accepted it. See
 * {@code docs/device-protocol.md}.
 */
public sealed interface Payload {

    /**
     * {@code …/status}: {@code online} with its telemetry interval, or {@code offline} with a reason.
     * {@code ts} is {@code null} only for {@code offline}: the last will is written at connect time,
     * when the device cannot know when it will die.
     */
    record Status(@Nullable Instant ts, boolean online, @Nullable String reason, @Nullable String firmware, int intervalSeconds)
            implements Payload {
        public static final int DEFAULT_INTERVAL = 10;
    }

    /** {@code …/telemetry}: the health of each peripheral and, for a cabinet, each compartment. */
    record Telemetry(Instant ts, long seq, long uptime, Map<String, Peripheral> peripherals,
            List<Compartment> compartments) implements Payload {
    }

    /** {@code state} is {@code ok}, {@code fault} or {@code absent}; {@code paper} only for the printer. */
    record Peripheral(PeripheralState state, @Nullable Paper paper) {
    }

    enum PeripheralState { OK, FAULT, ABSENT }

    enum Paper { OK, LOW, OUT }

    record Compartment(String id, boolean doorOpen, boolean occupied) {
    }

    /** {@code …/replies}: the outcome of a command, by its id. */
    record Reply(Instant ts, UUID id, boolean ok, @Nullable String code, @Nullable String message) implements Payload {
    }

    /** {@code …/events/{type}}: something happened on the device; {@code id} deduplicates repeats. */
    record Event(Instant ts, UUID id, EventBody body) implements Payload {

        /** The module event this device event is published as. */
        public Object toModuleEvent(String deviceCode) {
            return body.toModuleEvent(deviceCode, id, ts);
        }
    }

    /** What an event carries, by type. */
    sealed interface EventBody {

        Object toModuleEvent(String deviceCode, UUID id, Instant at);
    }

    record CardReadBody(IdCard card) implements EventBody {
        public Object toModuleEvent(String deviceCode, UUID id, Instant at) {
            return new CardRead(deviceCode, id, at, card);
        }
    }

    record FaceCheckedBody(String nonce, String cardHash, double score, boolean liveness, String signature) implements EventBody {
        public Object toModuleEvent(String deviceCode, UUID id, Instant at) {
            return new FaceChecked(deviceCode, id, at, nonce, cardHash, score, liveness, signature);
        }

        @Override
        public String toString() {
            return "FaceCheckedBody[nonce=" + nonce + ", score=" + score + ", liveness=" + liveness + "]";
        }
    }

    record DocumentCapturedBody(String format, byte[] image, int pages) implements EventBody {
        public Object toModuleEvent(String deviceCode, UUID id, Instant at) {
            return new DocumentCaptured(deviceCode, id, at, format, image, pages);
        }

        @Override
        public String toString() {
            return "DocumentCapturedBody[format=" + format + ", image=" + image.length + " bytes, pages=" + pages + "]";
        }
    }

    record FingerprintCapturedBody(byte[] template, int quality) implements EventBody {
        public Object toModuleEvent(String deviceCode, UUID id, Instant at) {
            return new FingerprintCaptured(deviceCode, id, at, template, quality);
        }

        @Override
        public String toString() {
            return "FingerprintCapturedBody[template=****, quality=" + quality + "]";
        }
    }

    record DoorBody(boolean opened, String compartment) implements EventBody {
        public Object toModuleEvent(String deviceCode, UUID id, Instant at) {
            return opened ? new DoorOpened(deviceCode, id, at, compartment) : new DoorClosed(deviceCode, id, at, compartment);
        }
    }

    record ScanBody(String code) implements EventBody {
        public Object toModuleEvent(String deviceCode, UUID id, Instant at) {
            return new CodeScanned(deviceCode, id, at, code);
        }

        @Override
        public String toString() {
            return "ScanBody[code=" + code.length() + " characters]";
        }
    }

    record OccupancyBody(String compartment, boolean occupied) implements EventBody {
        public Object toModuleEvent(String deviceCode, UUID id, Instant at) {
            return new CompartmentOccupancyChanged(deviceCode, id, at, compartment, occupied);
        }
    }
}
