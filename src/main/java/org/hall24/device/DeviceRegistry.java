package org.hall24.device;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The devices allowed to connect to the broker, and their credentials. A credential is issued
 * at registration and at each rotation and returned exactly once; the registry keeps only its
 * hash. Every registration, rotation and revocation is recorded with who did it and when, and
 * published as {@link DeviceRegistered}, {@link DeviceCredentialRotated} or
 * {@link DeviceCredentialRevoked}.
 * <p>
 * The registry knows a device's hall and zone by code only; that they exist is for the caller
 * (the hall module) to check.
 */
public interface DeviceRegistry {

    /** Everything wrong with a registration (code or serial malformed or taken, …); empty when none. */
    List<RegistrationViolation> check(RegisterDevice device);

    /**
     * Registers a device and issues its first credential.
     *
     * @param by who registers it (a staff username, or {@code system:...})
     * @throws InvalidRegistrationException when {@link #check} finds a problem; nothing is saved
     */
    IssuedCredential register(RegisterDevice device, String by);

    /**
     * Registers the device unless one with its code exists, and records whether the simulator
     * plays it. Used to provision the configured halls at start-up.
     *
     * @return the new credential when the device was registered now; empty when it existed
     */
    Optional<IssuedCredential> registerIfAbsent(RegisterDevice device, boolean simulated, String by);

    /**
     * Provisions many simulated devices at once (benchmarks' synthetic devices), in one
     * transaction and batched statements: registers each device not known yet, marked simulated,
     * and issues a fresh credential to every one of them that is active (so a device an admin
     * revoked stays revoked). Codes, halls and zones must be well-formed and serials unused, as for
     * {@link #register}; nothing is saved otherwise.
     *
     * @return the credentials issued: the newly registered devices', then the rotated ones'
     * @throws InvalidRegistrationException when a new device's code, serial, hall or zone is malformed or a serial is taken
     */
    List<IssuedCredential> provisionSimulated(List<RegisterDevice> devices, String by);

    /**
     * Issues a new credential for the device; the old one stops working at once and a session
     * connected with it is closed. Rotating a revoked credential makes the device active again.
     *
     * @throws UnknownDeviceException when no such device is registered
     */
    IssuedCredential rotate(String code, String by);

    /**
     * Revokes the device's credential: it is refused from now on and disconnected if connected.
     * Revoking a revoked credential changes nothing.
     *
     * @throws UnknownDeviceException when no such device is registered
     */
    void revoke(String code, String by);

    Optional<RegisteredDevice> find(String code);

    /** Every registered device, by hall and code. */
    List<RegisteredDevice> all();

    /** The registered devices standing in any of the given halls (by code), by hall and code. */
    List<RegisteredDevice> inHalls(Collection<String> halls);

    /**
     * Whether the password is the current credential of an active device; compared in constant
     * time. This is what the broker asks at every connection.
     */
    boolean verify(String code, byte[] password);
}
