package org.hall24.device;

/**
 * A device credential just issued: shown once to whoever registered or rotated it, then only its
 * hash remains. {@link #toString()} masks the password so that it never reaches a log.
 *
 * @param deviceCode the device
 * @param username what the device connects as (its code)
 * @param password the secret to configure in the device
 */
public record IssuedCredential(String deviceCode, String username, String password) {

    @Override
    public String toString() {
        return "IssuedCredential[deviceCode=" + deviceCode + ", username=" + username + ", password=****]";
    }
}
