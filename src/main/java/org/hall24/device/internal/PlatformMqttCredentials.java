package org.hall24.device.internal;

import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * What the platform's own MQTT client connects with, resolved once at start-up.
 *
 * @param url the broker, e.g. {@code tcp://127.0.0.1:18830}
 * @param username the platform's username
 * @param password the platform's password
 * @param socketFactory for an {@code ssl://} url to the embedded broker's TLS listener: sockets
 *        that trust exactly the broker's own certificate (pinned, so the host name is not
 *        checked); {@code null}: the JVM's defaults
 */
public record PlatformMqttCredentials(String url, String username, String password, @Nullable SSLSocketFactory socketFactory) {

    public PlatformMqttCredentials(String url, String username, String password) {
        this(url, username, password, null);
    }

    @Override
    public String toString() {
        return "PlatformMqttCredentials[url=" + url + ", username=" + username + ", password=****"
                + (socketFactory == null ? "" : ", pinned to the embedded broker's certificate") + "]";
    }
}
