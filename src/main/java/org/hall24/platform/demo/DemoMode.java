package org.hall24.platform.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this deployment is a demo ({@code hall24.demo}, default {@code true}, so that
 * {@code ./mvnw spring-boot:run} is one). In demo mode, pages show a demo banner (staff) or
 * badge (public and kiosk screens) and printed documents carry a mark; with {@code false},
 * {@link DemoGuard} refuses to start while any {@link DemoPart} is on, and nothing is marked.
 * Every page has it as the model attribute {@code demoMode} (a boolean).
 */
@Component
public class DemoMode {

    /** The switch. */
    public static final String PROPERTY = "hall24.demo";

    private final boolean on;

    public DemoMode(@Value("${" + PROPERTY + ":true}") boolean on) {
        this.on = on;
    }

    /** {@code true} in a demo, {@code false} in production. */
    public boolean on() {
        return on;
    }

    @Override
    public String toString() {
        return PROPERTY + "=" + on;
    }
}
