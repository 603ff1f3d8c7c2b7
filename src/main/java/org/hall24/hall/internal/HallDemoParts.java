package org.hall24.hall.internal;

import org.hall24.platform.demo.DemoPart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hall simulator as a demo part. The simulator module depends on no module (like a real
 * device it only speaks the protocol, and it runs alone with {@code HallSimulatorMain}), so it
 * cannot declare itself; the hall declares it because it is the hall's provisioning that, under the
 * same property, marks the halls' devices simulated, rotates their credentials at every start and
 * writes them to a file for the simulator ({@link DeviceProvisioning}).
 */
@Configuration(proxyBeanMethods = false)
class HallDemoParts {

    @Bean
    DemoPart hallSimulatorDemoPart(@Value("${hall24.simulator.enabled:true}") boolean on) {
        return new DemoPart("the hall simulator (simulated devices, their credentials rotated and written to a file at every start)",
                "hall24.simulator.enabled", on,
                "set hall24.simulator.enabled=false; the hall's real devices connect with their own credentials (docs/device-protocol.md)");
    }
}
