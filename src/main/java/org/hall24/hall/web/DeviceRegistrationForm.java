package org.hall24.hall.web;

import java.util.Locale;

import org.hall24.device.DeviceType;
import org.hall24.device.RegisterDevice;
import org.jspecify.annotations.Nullable;

/** The admin's form to register a device; codes are upper-cased, blanks stripped. */
public class DeviceRegistrationForm {

    private @Nullable String code;
    private @Nullable DeviceType type;
    private @Nullable String serial;
    private @Nullable String hall;
    private @Nullable String zone;
    private @Nullable Integer x;
    private @Nullable Integer y;

    RegisterDevice toRegisterDevice() {
        return new RegisterDevice(code == null ? "" : code.strip().toUpperCase(Locale.ROOT), type,
                serial == null ? "" : serial.strip(), hall == null ? "" : hall.strip(), zone == null ? "" : zone.strip(),
                x == null ? -1 : x, y == null ? -1 : y);
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable DeviceType getType() {
        return type;
    }

    public void setType(@Nullable DeviceType type) {
        this.type = type;
    }

    public @Nullable String getSerial() {
        return serial;
    }

    public void setSerial(@Nullable String serial) {
        this.serial = serial;
    }

    public @Nullable String getHall() {
        return hall;
    }

    public void setHall(@Nullable String hall) {
        this.hall = hall;
    }

    public @Nullable String getZone() {
        return zone;
    }

    public void setZone(@Nullable String zone) {
        this.zone = zone;
    }

    public @Nullable Integer getX() {
        return x;
    }

    public void setX(@Nullable Integer x) {
        this.x = x;
    }

    public @Nullable Integer getY() {
        return y;
    }

    public void setY(@Nullable Integer y) {
        this.y = y;
    }
}
