package org.hall24.device;

/**
 * A device to register: what it is and where it stands.
 *
 * @param code the device's code, unique across all halls; also its MQTT client id and username,
 *        so only upper-case letters, digits and single hyphens, e.g. {@code JLP-YJP-POL-06}
 * @param type what kind of device it is
 * @param serial the manufacturer's serial number, unique
 * @param hall the code of the hall it stands in
 * @param zone the code of the zone in that hall
 * @param x its centre, centimetres from the hall's left wall
 * @param y its centre, centimetres from the hall's back wall
 */
public record RegisterDevice(String code, DeviceType type, String serial, String hall, String zone, int x, int y) {
}
