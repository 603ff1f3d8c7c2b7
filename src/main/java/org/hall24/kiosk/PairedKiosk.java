package org.hall24.kiosk;

import org.hall24.device.DeviceType;

/**
 * The kiosk device a browser is paired with. Every {@code /kiosk/**} handler may take it as a method
 * argument; requests from a browser that is not paired never reach a handler.
 *
 * @param deviceCode the kiosk's device code, e.g. {@code JLP-YJP-POL-01}
 * @param hallCode the hall it stands in
 * @param deviceType what kind of kiosk it is
 */
public record PairedKiosk(String deviceCode, String hallCode, DeviceType deviceType) {
}
