package org.hall24.notifications.internal.smpp;

import org.hall24.platform.demo.DemoPart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS demo parts. The simulated carrier SMSC runs in the simulator module, which depends on
 * no module and so cannot declare itself; notifications declares it because its SMPP provider
 * reaches it by default. The demo SMPP account is the simulator's: a real SMSC would refuse it.
 */
@Configuration(proxyBeanMethods = false)
class SmppDemoParts {

    @Bean
    DemoPart simulatedSmscDemoPart(@Value("${hall24.simulator.smsc.enabled:true}") boolean on) {
        return new DemoPart("the simulated carrier SMSC (text messages reach no phone; the simulator's phones page shows them)",
                "hall24.simulator.smsc.enabled", on,
                "set hall24.simulator.smsc.enabled=false and point hall24.sms.smpp.* at the carrier's SMSC (docs/notifications.md)");
    }

    @Bean
    DemoPart demoSmppAccountDemoPart(@Value("${hall24.sms.provider:log}") String provider,
            @Value("${hall24.sms.smpp.password:" + SmppProperties.DEMO_PASSWORD + "}") String password) {
        return new DemoPart("SMS sent with the simulated SMSC's demo SMPP account", "hall24.sms.smpp.password",
                SmppSmsProvider.NAME.equals(provider) && SmppProperties.DEMO_PASSWORD.equals(password),
                "set hall24.sms.smpp.system-id, .password and .source-address to the carrier's account");
    }
}
