package org.hall24.device.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.device.DeviceRegistry;
import org.hall24.device.internal.BrokerTls;
import org.hall24.device.internal.EmbeddedBrokerPort;
import org.hall24.device.internal.MqttProperties;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded broker with plain TCP off ({@code hall24.mqtt.plain-enabled=false}): only the TLS
 * listener is open, and the platform's client reaches it with sockets pinned to the broker's own
 * certificate — whatever host name the certificate names — while a broker with another
 * certificate is refused. Outside Spring: the broker and its TLS identity are built by hand.
 */
class EmbeddedBrokerTlsOnlyTest {

    private static final Path STORE = TestCertificates.selfSigned("another-name.example", null);

    private EmbeddedBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void withPlainTcpOffThePlatformsPinnedClientConnectsOverTls() throws Exception {
        BrokerTls tls = tls(STORE);
        EmbeddedBrokerPort port = new EmbeddedBrokerPort(EmbeddedBrokerPort.OFF, "127.0.0.1", freePort());
        PlatformMqttCredentials platform = new PlatformMqttCredentials(port.tlsUrl(), "hall24-platform", "secret",
                tls.pinnedClientSockets());
        broker = start(port, platform, tls);

        MqttClient client = connect(platform);

        assertThat(client.isConnected()).isTrue();
        client.disconnect();
        client.close();
    }

    @Test
    void thePinnedClientRefusesABrokerWithAnotherCertificate() throws Exception {
        EmbeddedBrokerPort port = new EmbeddedBrokerPort(EmbeddedBrokerPort.OFF, "127.0.0.1", freePort());
        PlatformMqttCredentials platform = new PlatformMqttCredentials(port.tlsUrl(), "hall24-platform", "secret",
                tls(STORE).pinnedClientSockets());
        broker = start(port, platform, tls(TestCertificates.selfSigned("impostor", "ip:127.0.0.1")));

        assertThatThrownBy(() -> connect(platform)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e).hasCauseInstanceOf(SSLHandshakeException.class));
    }

    private static EmbeddedBroker start(EmbeddedBrokerPort port, PlatformMqttCredentials platform, BrokerTls tls) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tls", tls);
        EmbeddedBroker broker = new EmbeddedBroker(port, mock(DeviceRegistry.class), platform, beans.getBeanProvider(BrokerTls.class),
                beans.getBeanProvider(ConfigurableEnvironment.class), beans.getBeanProvider(PublishGate.Refusals.class));
        broker.start();
        return broker;
    }

    private static MqttClient connect(PlatformMqttCredentials platform) throws MqttException {
        MqttClient client = new MqttClient(platform.url(), "hall24-platform-test", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(platform.username());
        options.setPassword(platform.password().toCharArray());
        options.setConnectionTimeout(5);
        // as MqttGateway does with a pinned socket factory
        options.setSocketFactory(platform.socketFactory());
        options.setHttpsHostnameVerificationEnabled(false);
        try {
            client.connect(options);
        }
        catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static BrokerTls tls(Path store) {
        JksSslStoreDetails details = new JksSslStoreDetails("PKCS12", null, store.toUri().toString(), TestCertificates.PASSWORD);
        SslBundle bundle = SslBundle.of(new JksSslStoreBundle(details, null));
        MqttProperties properties = new MqttProperties(true, null, null, null, null, null, null, false, null,
                new MqttProperties.Tls(0, "mqtt"));
        return BrokerTls.from(properties, new DefaultSslBundleRegistry("mqtt", bundle));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
