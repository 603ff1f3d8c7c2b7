package org.hall24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.hall24.device.CommandOutcome;
import org.hall24.device.DeviceCommand;
import org.hall24.device.DeviceCommands;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.platform.pdf.PdfDocument;
import org.hall24.platform.pdf.PdfRenderer;
import org.hall24.testing.LivingHall;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A receipt rendered by the platform, sent as a real {@code print} command over the embedded broker
 * to a simulated kiosk, kept by its printer and opened by a demo user on {@code /admin/simulator}.
 */
@Hall24IntegrationTest
class SimulatedPrinterTest {

    static final RequestPostProcessor ADMIN = user("operator").roles("ADMIN");
    static final String KIOSK = "JLP-YJP-POL-04";

    @DynamicPropertySource
    static void livingHall(DynamicPropertyRegistry registry) {
        LivingHall.register(registry);
    }

    @Autowired
    DeviceCommands commands;

    @Autowired
    DeviceStatuses statuses;

    @Autowired
    PdfRenderer renderer;

    @Autowired
    MockMvc mvc;

    @Test
    void aPrintedReceiptIsKeptByTheSimulatedKioskAndServedByteIdenticalAsAnInlinePdf() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.statusOf(KIOSK) == DeviceStatus.ONLINE);
        byte[] pdf = renderer.render(PdfDocument.builder("申请受理回执").section(null, s -> s.row("申请编号", "JLP-PRINT-0001")).build());

        CommandOutcome outcome = commands.send(KIOSK, DeviceCommand.print("JLP-PRINT-0001", pdf), Duration.ofSeconds(5));
        assertThat(outcome.ok()).as(outcome.toString()).isTrue();

        byte[] served = mvc.perform(get("/admin/simulator/devices/{code}/printed/{id}", KIOSK, "JLP-PRINT-0001").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(pdf);

        String page = mvc.perform(get("/admin/simulator").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/admin/simulator/devices/" + KIOSK + "/printed/JLP-PRINT-0001");

        mvc.perform(get("/admin/simulator/devices/{code}/printed/{id}", KIOSK, "never-printed").with(ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/simulator/devices/{code}/printed/{id}", KIOSK, "JLP-PRINT-0001"))
                .andExpect(status().is3xxRedirection());
    }
}
