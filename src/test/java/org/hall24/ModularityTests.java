package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of {@code DESIGN.md} holds: each module uses others only through their API
 * (root package) and only along the dependencies it declares; no cycles. Writes the module
 * diagrams (PlantUML) and canvases to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(Hall24Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Every module of the design that is built so far, and no other: a new module is added here on purpose. */
    @Test
    void theDesignedModulesExist() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("shared", "platform", "device", "catalog", "hall", "accounts", "simulator",
                        "departments", "applications", "identity", "kiosk", "notifications", "audit", "alerting", "cabinet");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();

        assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
    }
}
