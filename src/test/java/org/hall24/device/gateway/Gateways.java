package org.hall24.device.gateway;

import java.time.Duration;

import org.hall24.device.internal.MqttProperties;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Builds a platform gateway outside Spring, with the listeners a test gives it. */
final class Gateways {

    private Gateways() {
    }

    static MqttGateway gateway(String url, String clientId, Duration drainTimeout, DeviceDispatcher dispatcher,
            DeviceMessageListener... listeners) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < listeners.length; i++) {
            beans.addBean("listener" + i, listeners[i]);
        }
        MeterRegistry meters = new SimpleMeterRegistry();
        beans.addBean("meters", meters);
        DevicesProperties devices = new DevicesProperties(
                new DevicesProperties.Gateway(true, clientId, 2, 16, 1, drainTimeout), null, null, null);
        return new MqttGateway(new PlatformMqttCredentials(url, "hall24-platform", "test"),
                new MqttProperties(false, null, url, null, "test", null), devices,
                beans.getBeanProvider(DeviceMessageListener.class), beans.getBeanProvider(MeterRegistry.class), dispatcher);
    }

    static DeviceDispatcher dispatcher() {
        return new DeviceDispatcher(2, 1, 16, new SimpleMeterRegistry());
    }
}
