package org.hall24.device.internal;

/**
 * What the platform's own MQTT client connects with, resolved once at start-up.
 *
 * @param url the broker, e.g. {@code tcp://127.0.0.1:18830}
 * @param username the platform's username
 * @param password the platform's password
 */
public record PlatformMqttCredentials(String url, String username, String password) {

    @Override
    public String toString() {
        return "PlatformMqttCredentials[url=" + url + ", username=" + username + ", password=****]";
    }
}
