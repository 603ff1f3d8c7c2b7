package org.hall24.device.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.hall24.Hall24IntegrationTest;
import org.hall24.device.commands.CommandLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The device page offers only the commands the device can carry out. */
@Hall24IntegrationTest
class AdminDevicesControllerTest {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final String KIOSK = "JLP-YJP-POL-01";
    static final String CABINET = "JLP-YJP-CAB-01";

    @Autowired MockMvc mvc;
    @Autowired CommandLog commands;

    String page(String code) throws Exception {
        return mvc.perform(get("/admin/devices/" + code).with(ADMIN)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aKioskIsOfferedNoCompartmentToOpenAndTheCabinetIs() throws Exception {
        assertThat(page(KIOSK)).doesNotContain("id=\"open-compartment\"").doesNotContain("value=\"OPEN_COMPARTMENT\"")
                .contains("value=\"LOCK_SCREEN\"");
        assertThat(page(CABINET)).contains("id=\"open-compartment\"").contains("value=\"OPEN_COMPARTMENT\"");
    }

    @Test
    void openingACompartmentOfAKioskIsRefusedWithAMessageAndNothingIsSent() throws Exception {
        int before = commands.recent(KIOSK, 100).size();
        mvc.perform(post("/admin/devices/" + KIOSK + "/commands").param("type", "OPEN_COMPARTMENT").param("compartment", "A1")
                        .with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/devices/" + KIOSK))
                .andExpect(flash().attribute("commandError", "device.monitor.send.no-compartments"));
        assertThat(commands.recent(KIOSK, 100)).hasSize(before);
    }
}
