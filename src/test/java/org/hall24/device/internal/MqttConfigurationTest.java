package org.hall24.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hall24.platform.demo.DemoPart;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Plain MQTT across a network is a demo part (so {@code hall24.demo=false} refuses it): the
 * embedded broker's plain listener on a non-loopback address, or the platform's client at a
 * {@code tcp://} url on another host — unless explicitly allowed. Loopback, TLS-only and
 * {@code ssl://} are not.
 */
class MqttConfigurationTest {

    @Test
    void theDefaultPlainListenerOnLoopbackIsNoDemoPart() {
        assertThat(part(new MockEnvironment()).on()).isFalse();
        assertThat(part(env("hall24.mqtt.host", "localhost")).on()).isFalse();
    }

    @Test
    void aPlainListenerOnAllInterfacesOrANetworkAddressIsADemoPartNamingItsProperty() {
        DemoPart all = part(env("hall24.mqtt.host", "0.0.0.0"));
        assertThat(all.on()).isTrue();
        assertThat(all.property()).isEqualTo("hall24.mqtt.plain-enabled");
        assertThat(all.name()).contains("0.0.0.0");
        assertThat(all.remedy()).contains("hall24.mqtt.tls.port", "hall24.mqtt.allow-plain-on-network");
        assertThat(part(env("hall24.mqtt.host", "192.0.2.2")).on()).isTrue();
    }

    @Test
    void tlsOnlyOrAnExplicitAllowanceIsNoDemoPart() {
        assertThat(part(env("hall24.mqtt.host", "0.0.0.0").withProperty("hall24.mqtt.plain-enabled", "false")
                .withProperty("hall24.mqtt.tls.port", "18831")).on()).isFalse();
        assertThat(part(env("hall24.mqtt.host", "0.0.0.0").withProperty("hall24.mqtt.allow-plain-on-network", "true")).on())
                .isFalse();
    }

    @Test
    void anExternalBrokerInPlainTcpOnAnotherHostIsADemoPartButNotOverTlsOrOnLoopback() {
        DemoPart plain = part(env("hall24.mqtt.embedded", "false").withProperty("hall24.mqtt.url", "tcp://192.0.2.10:1883"));
        assertThat(plain.on()).isTrue();
        assertThat(plain.property()).isEqualTo("hall24.mqtt.url");
        assertThat(part(env("hall24.mqtt.embedded", "false").withProperty("hall24.mqtt.url", "ssl://192.0.2.10:8883")).on()).isFalse();
        assertThat(part(env("hall24.mqtt.embedded", "false").withProperty("hall24.mqtt.url", "tcp://127.0.0.1:1883")).on()).isFalse();
    }

    @Test
    void withPlainTcpOffTheBrokerListensInTlsOnly() {
        MqttProperties properties = new MqttProperties(null, null, null, null, null, null, "0.0.0.0", false, null,
                new MqttProperties.Tls(18831, "mqtt"));

        EmbeddedBrokerPort port = new MqttConfiguration().embeddedBrokerPort(properties);

        assertThat(port.plain()).isFalse();
        assertThat(port.host()).isEqualTo("0.0.0.0");
        assertThat(port.tlsUrl()).isEqualTo("ssl://127.0.0.1:18831");
    }

    private static MockEnvironment env(String key, String value) {
        return new MockEnvironment().withProperty(key, value);
    }

    private static DemoPart part(MockEnvironment environment) {
        return MqttConfiguration.plainMqttOnNetworkDemoPart(environment);
    }
}
