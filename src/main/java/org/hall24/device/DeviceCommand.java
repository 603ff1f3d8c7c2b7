package org.hall24.device;

import java.util.Base64;
import java.util.Map;

/**
 * Something the platform asks a device to do (docs/device-protocol.md, "commands").
 *
 * @param type what to do
 * @param args its arguments, by name
 */
public record DeviceCommand(Type type, Map<String, String> args) {

    public DeviceCommand {
        args = Map.copyOf(args);
    }

    /** Command types, with their protocol name and whether resending one is safe. */
    public enum Type {
        /** Print a PDF; idempotent: the device prints a given command id once. */
        PRINT("print", true),
        /** Open a compartment; not idempotent: a second opening could free a door someone closed. */
        OPEN_COMPARTMENT("open-compartment", false),
        LOCK_SCREEN("lock-screen", true),
        UNLOCK_SCREEN("unlock-screen", true),
        REBOOT("reboot", false),
        /**
         * Start the face check for the card on the reader, and sign the report over this session
         * nonce; idempotent: the same nonce again changes nothing.
         */
        FACE_CHECK("face-check", true);

        private final String wireName;
        private final boolean idempotent;

        Type(String wireName, boolean idempotent) {
            this.wireName = wireName;
            this.idempotent = idempotent;
        }

        public String wireName() {
            return wireName;
        }

        /** Whether the platform may resend it while no reply came. */
        public boolean idempotent() {
            return idempotent;
        }
    }

    public static DeviceCommand print(String documentId, byte[] pdf) {
        return new DeviceCommand(Type.PRINT, Map.of("documentId", documentId, "format", "application/pdf",
                "content", Base64.getEncoder().encodeToString(pdf)));
    }

    public static DeviceCommand openCompartment(String compartment) {
        return new DeviceCommand(Type.OPEN_COMPARTMENT, Map.of("compartment", compartment));
    }

    public static DeviceCommand lockScreen() {
        return new DeviceCommand(Type.LOCK_SCREEN, Map.of());
    }

    public static DeviceCommand unlockScreen() {
        return new DeviceCommand(Type.UNLOCK_SCREEN, Map.of());
    }

    public static DeviceCommand reboot() {
        return new DeviceCommand(Type.REBOOT, Map.of());
    }

    /**
     * A kiosk session's nonce for the kiosk's face module, and the card it is for.
     *
     * @param nonce what the module's report must sign over
     * @param cardHash SHA-256 hex of the card's ID number: the kiosk uses the nonce only while that card is on its reader
     */
    public static DeviceCommand faceCheck(String nonce, String cardHash) {
        return new DeviceCommand(Type.FACE_CHECK, Map.of("nonce", nonce, "cardHash", cardHash));
    }

    @Override
    public String toString() {
        return "DeviceCommand[" + type.wireName() + ", args=" + args.keySet() + "]";
    }
}
