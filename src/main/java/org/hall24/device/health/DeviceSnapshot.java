package org.hall24.device.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the platform knows of a device right now.
 *
 * @param hall the hall from the device's last topic
 * @param peripherals each peripheral's state ({@code ok}, {@code fault}, {@code absent}, printer {@code paper:low})
 * @param lastSeen when the platform last heard from it (platform clock)
 * @param alerts the open alerts
 */
public record DeviceSnapshot(String code, String hall, DeviceStatus status, @Nullable String firmware,
        int intervalSeconds, Map<String, String> peripherals, @Nullable Instant lastSeen, List<OpenAlert> alerts) {

    public record OpenAlert(DeviceAlert kind, String detail, Instant since) {
    }
}
