package org.hall24.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.hall24.Hall24IntegrationTest;
import org.hall24.simulator.Mosquitto;
import org.hall24.simulator.Platform;
import org.hall24.simulator.TestIdentities;
import org.hall24.simulator.internal.SimulatorRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The simulator inside the application: it starts once the application is ready, with the
 * credentials file and the seed hall, against a real Mosquitto; the admin page lists its devices
 * and its buttons make devices act on the wire.
 */
@Hall24IntegrationTest
class AdminSimulatorIntegrationTest {

    static final RequestPostProcessor ADMIN = user("demo-operator").roles("ADMIN");
    static Mosquitto mosquitto;

    @Autowired
    MockMvc mvc;

    @Autowired
    SimulatorRunner runner;

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) throws IOException {
        mosquitto = Mosquitto.start();
        Path credentials = Files.createTempFile("simulator-credentials", ".properties");
        Files.writeString(credentials, """
                JLP-YJP-POL-01=secret-1
                JLP-YJP-CAB-01=secret-2
                """);
        credentials.toFile().deleteOnExit();
        registry.add("hall24.simulator.enabled", () -> "true");
        registry.add("hall24.simulator.broker-url", mosquitto::url);
        registry.add("hall24.simulator.credentials-file", credentials::toString);
        registry.add("hall24.simulator.interval", () -> "2s");
    }

    @AfterAll
    static void stopBroker() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void theSimulatorStartsWithTheApplicationAndTheAdminButtonPutsACardOnTheReader() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((runner.simulator().isEmpty() || runner.simulator().get().connected() < 2) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(runner.simulator()).isPresent();
        assertThat(runner.simulator().get().connected()).isEqualTo(2);

        String page = mvc.perform(get("/admin/simulator").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("device-JLP-YJP-POL-01", "device-JLP-YJP-CAB-01").doesNotContain("device-JLP-YJP-POL-02");

        try (Platform platform = new Platform(mosquitto.url())) {
            mvc.perform(post("/admin/simulator/JLP-YJP-POL-01/card").with(ADMIN).with(csrf()))
                    .andExpect(redirectedUrl("/admin/simulator"));
            String number = platform.await("hall24/JLP-YJP/JLP-YJP-POL-01/events/card-read", r -> true, Duration.ofSeconds(5))
                    .json().path("card").path("idNumber").asString();
            assertThat(TestIdentities.hasValidCheckCharacter(number)).isTrue();
        }
    }

    @Test
    void theSimulatorPageNeedsAnAdminAndItsButtonsNeedCsrf() throws Exception {
        mvc.perform(get("/admin/simulator")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/simulator/JLP-YJP-POL-01/offline").with(ADMIN)).andExpect(status().isForbidden());
        assertThat(runner.simulator().map(s -> s.device("JLP-YJP-POL-01").isConnected()).orElse(true)).isTrue();
    }
}
