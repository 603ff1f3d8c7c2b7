package org.hall24.alerting.internal;

import java.time.Duration;
import java.util.Set;

import org.hall24.device.DeviceAlert;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hall24.alerting.*}.
 *
 * @param enabled whether the duty operator is told at all
 * @param offlineAfter how long a device must stay offline before the operator is told
 * @param quietPeriod after telling of a device's alert, how long the same alert coming back waits before it is told again
 * @param silent alerts never told (paper running low is a warning the monitor shows)
 * @param checkPeriod how often due notices are sent
 */
@ConfigurationProperties("hall24.alerting")
record AlertingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration offlineAfter,
        @DefaultValue("30m") Duration quietPeriod, @DefaultValue("PAPER_LOW") Set<DeviceAlert> silent,
        @DefaultValue("1s") Duration checkPeriod) {
}
