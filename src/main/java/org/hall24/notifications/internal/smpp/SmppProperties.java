package org.hall24.notifications.internal.smpp;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMPP account at the carrier's SMSC ({@code hall24.sms.smpp.*}, used with
 * {@code hall24.sms.provider=smpp}). The defaults reach the simulated carrier SMSC the hall
 * simulator runs on this machine, with its demo account (a demo part: docs/notifications.md).
 *
 * @param host the SMSC's address; default {@code 127.0.0.1}
 * @param port the SMSC's SMPP port; unset, the simulated SMSC's ({@code local.smsc.port}, published when it
 *        started), else 2775
 * @param systemId the account's {@code system_id} (at most 15 characters); default the simulator's demo account
 * @param password the account's password (at most 8 characters); default the simulator's demo password
 * @param sourceAddress the {@code source_addr} of every message: the SP access number the carrier assigned (e.g. {@code 1069…})
 * @param systemType the {@code system_type} in the bind, when the carrier asks for one
 * @param tps at most this many {@code submit_sm} per second from this node (the carrier's contracted rate shared by the nodes)
 * @param enquireLink the {@code enquire_link} interval on an idle session; default 30 s
 * @param responseTimeout how long a bind or {@code submit_sm} waits for its response; past it the outcome is unknown; default 5 s
 * @param reconnectMinDelay the first pause before binding again after a failure; it doubles on each failure; default 1 s
 * @param reconnectMaxDelay the longest pause between two binds; default 60 s
 */
@ConfigurationProperties("hall24.sms.smpp")
public record SmppProperties(
        @DefaultValue("127.0.0.1") String host,
        @Nullable Integer port,
        @DefaultValue(DEMO_SYSTEM_ID) String systemId,
        @DefaultValue(DEMO_PASSWORD) String password,
        @DefaultValue("10690024") String sourceAddress,
        @Nullable String systemType,
        @DefaultValue("10") int tps,
        @DefaultValue("30s") Duration enquireLink,
        @DefaultValue("5s") Duration responseTimeout,
        @DefaultValue("1s") Duration reconnectMinDelay,
        @DefaultValue("60s") Duration reconnectMaxDelay) {

    /** The simulated SMSC's demo account (the simulator module's {@code SimulatedSmsc.DEMO_*}, which this module cannot name). */
    static final String DEMO_SYSTEM_ID = "hall24";
    static final String DEMO_PASSWORD = "hall24sm";
    static final int SMPP_PORT = 2775;

    public SmppProperties {
        if (tps < 1) {
            throw new IllegalArgumentException("hall24.sms.smpp.tps must be at least 1");
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("hall24.sms.smpp.response-timeout must be positive");
        }
        if (reconnectMinDelay.isNegative() || reconnectMinDelay.isZero() || reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
            throw new IllegalArgumentException("hall24.sms.smpp.reconnect-min-delay must be positive and at most reconnect-max-delay");
        }
    }

    /** The demo account on the given port, as tests use it. */
    static SmppProperties demo(int port) {
        return new SmppProperties("127.0.0.1", port, DEMO_SYSTEM_ID, DEMO_PASSWORD, "10690024", null, 10, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    SmppProperties withResponseTimeout(Duration timeout) {
        return new SmppProperties(host, port, systemId, password, sourceAddress, systemType, tps, enquireLink, timeout,
                reconnectMinDelay, reconnectMaxDelay);
    }

    SmppProperties withReconnectDelays(Duration min, Duration max) {
        return new SmppProperties(host, port, systemId, password, sourceAddress, systemType, tps, enquireLink, responseTimeout, min,
                max);
    }

    SmppProperties withTps(int perSecond) {
        return new SmppProperties(host, port, systemId, password, sourceAddress, systemType, perSecond, enquireLink, responseTimeout,
                reconnectMinDelay, reconnectMaxDelay);
    }

    boolean usesDemoAccount() {
        return DEMO_PASSWORD.equals(password);
    }
}
