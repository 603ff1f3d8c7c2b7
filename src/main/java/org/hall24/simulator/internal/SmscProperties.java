package org.hall24.simulator.internal;

import java.time.Duration;
import java.util.Set;

import org.hall24.simulator.SimulatedSmsc;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated carrier SMSC ({@code hall24.simulator.smsc.*}), on its own switch: tests turn the
 * device simulator off but keep the SMSC.
 *
 * @param enabled run it with the application; default {@code true}
 * @param port its SMPP port on 127.0.0.1; default 18775; 0 for a free one (published as {@code local.smsc.port})
 * @param systemId the account it accepts; default {@value SimulatedSmsc#DEMO_SYSTEM_ID}
 * @param password the account's password; default {@value SimulatedSmsc#DEMO_PASSWORD}
 * @param receiptDelay how long after a message its delivery receipt goes back; default 1 s
 * @param unreachable numbers whose messages are taken but not delivered ({@code stat:UNDELIV})
 */
@ConfigurationProperties("hall24.simulator.smsc")
public record SmscProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("18775") int port,
        @DefaultValue(SimulatedSmsc.DEMO_SYSTEM_ID) String systemId,
        @DefaultValue(SimulatedSmsc.DEMO_PASSWORD) String password,
        @DefaultValue("1s") Duration receiptDelay,
        @DefaultValue Set<String> unreachable) {

    SimulatedSmsc.Settings settings() {
        return new SimulatedSmsc.Settings(port, systemId, password, receiptDelay, unreachable);
    }
}
