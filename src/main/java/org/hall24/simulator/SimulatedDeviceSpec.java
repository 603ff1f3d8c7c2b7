package org.hall24.simulator;

import java.util.List;
import java.util.Objects;

/**
 * One device to simulate: who it is on the broker and what it has.
 *
 * @param code the device code, also its MQTT client id and username
 * @param type the device type's name as the halls' files spell it ({@code POLICE_KIOSK},
 *        {@code QUERY_KIOSK}, {@code FILE_CABINET}, …)
 * @param hall the hall's code, the second level of the device's topics
 * @param password the device's broker credential
 * @param compartments a file cabinet's compartment ids (A1, A2, … by row letter and column
 *        number); empty for other devices
 */
public record SimulatedDeviceSpec(String code, String type, String hall, String password, List<String> compartments) {

    public static final String FILE_CABINET = "FILE_CABINET";
    public static final String QUERY_KIOSK = "QUERY_KIOSK";

    public SimulatedDeviceSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hall, "hall");
        Objects.requireNonNull(password, "password");
        compartments = List.copyOf(compartments);
    }

    /** The compartment ids of a cabinet of {@code rows} (A, B, …) by {@code columns} (1, 2, …). */
    public static List<String> compartments(int rows, int columns) {
        return java.util.stream.IntStream.range(0, rows)
                .boxed()
                .flatMap(r -> java.util.stream.IntStream.rangeClosed(1, columns).mapToObj(c -> (char) ('A' + r) + String.valueOf(c)))
                .toList();
    }

    public boolean isCabinet() {
        return FILE_CABINET.equals(type);
    }

    /** Every device except the cabinet is a kiosk with a screen, a card reader and a printer. */
    public boolean isKiosk() {
        return !isCabinet();
    }

    /** Full kiosks have a face camera, a document camera and a fingerprint reader; the query kiosk has not. */
    public boolean isFullKiosk() {
        return isKiosk() && !QUERY_KIOSK.equals(type);
    }

    /** {@code hall24/{hall}/{device}/} */
    public String topicRoot() {
        return "hall24/" + hall + "/" + code + "/";
    }

    @Override
    public String toString() {
        return "SimulatedDeviceSpec[code=" + code + ", type=" + type + ", hall=" + hall + ", compartments="
                + compartments.size() + "]";
    }
}
