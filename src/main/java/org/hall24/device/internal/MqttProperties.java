package org.hall24.device.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How the platform reaches the device broker.
 *
 * @param embedded run the broker inside the application (default); {@code false} to use an
 *        external broker (Mosquitto, EMQX) at {@code url}
 * @param port the embedded broker's plain-TCP port (default 18830); never 1883, which a real
 *        broker may hold; {@code 0} picks a free port (tests)
 * @param url the broker the platform's client connects to; defaults to the embedded broker
 * @param platformUsername the platform client's username (its ACL allows every hall's topics)
 * @param platformPassword the platform client's password; required for an external broker,
 *        generated at each start for the embedded one when unset
 * @param sharedSubscriptionGroup when set, the platform subscribes with
 *        {@code $share/<group>/...} so that several application nodes consume each message once
 *        (external brokers only)
 * @param host the address the embedded broker's listeners (plain and TLS alike: Moquette binds
 *        them to one address) bind to; default {@code 127.0.0.1}, enough when the in-process
 *        simulator is the only client; a real hall sets the device network interface's address
 *        (or {@code 0.0.0.0}) and turns TLS on
 * @param plainEnabled whether the embedded broker listens in plain TCP on {@code port} (default
 *        {@code true}); {@code false} leaves only the TLS listener, which the platform's own client
 *        then uses too
 * @param allowPlainOnNetwork with {@code hall24.demo=false}, start-up is refused while plain MQTT
 *        would cross a network (the embedded broker's plain listener on a non-loopback address, or
 *        a {@code tcp://} url to another host); {@code true} accepts it, for a device network
 *        protected otherwise (default {@code false})
 * @param tls the embedded broker's TLS listener, off unless its port is set
 */
@ConfigurationProperties("hall24.mqtt")
public record MqttProperties(
        @Nullable Boolean embedded,
        @Nullable Integer port,
        @Nullable String url,
        @Nullable String platformUsername,
        @Nullable String platformPassword,
        @Nullable String sharedSubscriptionGroup,
        @Nullable String host,
        @Nullable Boolean plainEnabled,
        @Nullable Boolean allowPlainOnNetwork,
        @Nullable Tls tls) {

    public static final int DEFAULT_PORT = 18830;
    public static final String DEFAULT_HOST = "127.0.0.1";

    @ConstructorBinding
    public MqttProperties {
    }

    /** An external broker, or the embedded one with its default listeners. */
    public MqttProperties(@Nullable Boolean embedded, @Nullable Integer port, @Nullable String url,
            @Nullable String platformUsername, @Nullable String platformPassword, @Nullable String sharedSubscriptionGroup) {
        this(embedded, port, url, platformUsername, platformPassword, sharedSubscriptionGroup, null, null, null, null);
    }

    /**
     * The embedded broker's TLS listener ({@code hall24.mqtt.tls.*}).
     *
     * @param port the TLS port; unset: no TLS listener; {@code 0} picks a free port (tests)
     * @param bundle the name of a Spring Boot SSL bundle holding the broker's certificate and
     *        private key: PEM files ({@code spring.ssl.bundle.pem.<name>.keystore.certificate},
     *        {@code .private-key}) or a PKCS12/JKS key store ({@code spring.ssl.bundle.jks.<name>.keystore.*})
     */
    public record Tls(@Nullable Integer port, @Nullable String bundle) {
    }

    public boolean isEmbedded() {
        return embedded == null || embedded;
    }

    public int brokerPort() {
        return port == null ? DEFAULT_PORT : port;
    }

    public String bindHost() {
        return host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
    }

    public boolean plainOn() {
        return plainEnabled == null || plainEnabled;
    }

    public boolean plainOnNetworkAllowed() {
        return allowPlainOnNetwork != null && allowPlainOnNetwork;
    }

    public boolean tlsOn() {
        return tls != null && tls.port() != null;
    }

    public String brokerUrl() {
        return url != null && !url.isBlank() ? url : "tcp://" + connectHost(bindHost()) + ":" + brokerPort();
    }

    public String platformUser() {
        return platformUsername == null || platformUsername.isBlank() ? "hall24-platform" : platformUsername;
    }

    /**
     * Whether this configuration sends plain MQTT across a network: the embedded broker's plain
     * listener on an address other than loopback, or the platform's client at a {@code tcp://}
     * url on another host. Reads configuration only (and resolves the host name).
     */
    public boolean plainMqttOnNetwork() {
        if (isEmbedded()) {
            return plainOn() && !isLoopback(bindHost());
        }
        String target = brokerUrl();
        if (!target.startsWith("tcp://")) {
            return false;
        }
        String targetHost = URI.create(target).getHost();
        return targetHost == null || !isLoopback(targetHost);
    }

    /** The address a client on this machine reaches a listener bound to {@code bindHost} at. */
    public static String connectHost(String bindHost) {
        return bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]") ? "127.0.0.1"
                : bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
    }

    /** Whether the host names this machine's loopback interface; an unknown name is not loopback. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        }
        catch (UnknownHostException e) {
            return false;
        }
    }
}
