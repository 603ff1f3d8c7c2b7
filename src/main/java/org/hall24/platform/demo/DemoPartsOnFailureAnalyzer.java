package org.hall24.platform.demo;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a refused production start ({@link DemoPartsOnException}) as Spring Boot's
 * "APPLICATION FAILED TO START" block: each part that is on with its property, and what to set
 * instead. Registered in {@code META-INF/spring.factories}.
 */
class DemoPartsOnFailureAnalyzer extends AbstractFailureAnalyzer<DemoPartsOnException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoPartsOnException cause) {
        String description = DemoMode.PROPERTY + "=false (production), but demo parts are on:\n"
                + cause.parts().stream().map(p -> "  - " + p.name() + ": " + p.property()).collect(Collectors.joining("\n"));
        String action = "Turn each demo part off (docs/operations.md, production checklist):\n"
                + cause.parts().stream().map(p -> "  - " + p.remedy()).collect(Collectors.joining("\n"))
                + "\nor, for a demo, set " + DemoMode.PROPERTY + "=true.";
        return new FailureAnalysis(description, action, cause);
    }
}
