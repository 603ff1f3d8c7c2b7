package org.hall24.simulator.internal;

import java.time.Clock;

import org.hall24.simulator.SimulatedMailServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link SimulatedMailServer} inside the application unless
 * {@code hall24.simulator.mail.enabled=false} — a switch of its own, independent of the device
 * simulator's {@code hall24.simulator.enabled} — on the port {@link SimulatedMailPort} published
 * ({@code hall24.simulator.mail.port}, default 18025, loopback only), keeping the last
 * {@code hall24.simulator.mail.capacity} mails (default 500). It starts before, and stops after,
 * the application's other lifecycle beans, so the platform's mail always finds it.
 */
@Component
@ConditionalOnProperty(name = SimulatedMailPort.ENABLED, havingValue = "true", matchIfMissing = true)
public class SimulatedMailServerRunner implements SmartLifecycle {

    private final SimulatedMailServer server;

    SimulatedMailServerRunner(Environment environment, @Value("${hall24.simulator.mail.capacity:500}") int capacity) {
        int port = environment.getProperty(SimulatedMailPort.LOCAL_PORT, Integer.class,
                environment.getProperty(SimulatedMailPort.PORT, Integer.class, SimulatedMailPort.DEFAULT_PORT));
        this.server = new SimulatedMailServer(port, capacity, Clock.systemUTC());
    }

    /** The server, running while the application runs. */
    public SimulatedMailServer server() {
        return server;
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void stop() {
        server.close();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Early start, late stop, like the embedded broker: the server outlives its clients. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
