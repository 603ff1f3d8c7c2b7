package org.hall24.platform.demo;

import java.util.Objects;

/**
 * A part of the application that stands in for something real so that a fresh install is a living
 * demo: the hall simulator instead of devices, simulated department systems, the demo face-report
 * key, a public address on this machine. The module that owns the part declares it as a bean,
 * and {@link DemoGuard} refuses to start with {@code hall24.demo=false} while any is on.
 * <p>
 * A declaration reads configuration only (a {@code @Value} or the {@code Environment}), never
 * another bean: it is created before the application's other beans, so that a refused start
 * touches nothing (no database, no broker, no credentials).
 *
 * <pre>{@code
 * @Bean
 * DemoPart simulatedSmscDemoPart(@Value("${hall24.simulator.smsc.enabled:true}") boolean on) {
 *     return new DemoPart("the simulated SMSC", "hall24.simulator.smsc.enabled", on,
 *             "set hall24.simulator.smsc.enabled=false and configure the carrier's SMPP account");
 * }
 * }</pre>
 *
 * @param name     what the part is, for an operator reading the start-up log, e.g. "the hall simulator"
 * @param property the property that turns it off or replaces it with the real thing
 * @param on       whether the part is on in this configuration
 * @param remedy   what to do instead, e.g. "set hall24.simulator.enabled=false once the real devices connect"
 */
public record DemoPart(String name, String property, boolean on, String remedy) {

    public DemoPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(remedy, "remedy");
    }
}
