package org.hall24.device;

import java.time.Instant;

/**
 * A device the platform knows, with the state of its credential (never the credential itself).
 *
 * @param credentialState whether the device may connect
 * @param credentialIssuedAt when its current credential was issued (at registration or last rotation)
 * @param simulated whether the built-in hall simulator plays this device (its credential is then
 *        rotated at each start and handed to the simulator)
 */
public record RegisteredDevice(String code, DeviceType type, String serial, String hall, String zone, int x, int y,
        CredentialState credentialState, Instant credentialIssuedAt, boolean simulated) {

    /** Whether a device's credential lets it connect. */
    public enum CredentialState {
        ACTIVE, REVOKED;

        public String messageKey() {
            return "device.credential-state." + name();
        }
    }

    public boolean active() {
        return credentialState == CredentialState.ACTIVE;
    }
}
