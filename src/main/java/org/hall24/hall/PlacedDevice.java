package org.hall24.hall;

import org.hall24.device.DeviceType;
import org.hall24.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A device as it stands in a hall.
 *
 * @param code the device's code, unique across all halls (the device layer knows it by this code)
 * @param hall the hall's code
 * @param type what kind of device it is
 * @param name its label on the floor map, e.g. 公安自助服务设备 3; for a device registered outside the
 *        hall file, its type's name and its code
 * @param zone the code of the zone it stands in
 * @param x where its centre is, centimetres from the left wall
 * @param y where its centre is, centimetres from the back wall
 * @param serial the manufacturer's serial number; for staff only, never shown to visitors
 * @param cabinet the compartments, for a smart file cabinet of a hall file; {@code null} otherwise
 *        (a file cabinet is placed in the hall file, which gives its compartments)
 */
public record PlacedDevice(
        String code,
        String hall,
        DeviceType type,
        LocalizedText name,
        String zone,
        int x,
        int y,
        String serial,
        @Nullable CabinetLayout cabinet) {

    /**
     * The compartments of a smart file cabinet: {@code rows} by {@code columns}, named row letter
     * and column number (A1, A2, … B1, …).
     */
    public record CabinetLayout(int rows, int columns) {

        public int compartments() {
            return rows * columns;
        }
    }
}
