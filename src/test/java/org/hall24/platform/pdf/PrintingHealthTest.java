package org.hall24.platform.pdf;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hall24.Hall24IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A node without a CJK font cannot print but serves everything else: its overall, liveness and
 * readiness health stay UP (a load balancer keeps it), and the printing group says what is wrong
 * (issue 9, point 13: the missing font took the whole {@code /actuator/health} DOWN).
 */
@Hall24IntegrationTest(properties = "hall24.pdf.font=/nonexistent/fonts/missing.ttf")
class PrintingHealthTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aMissingFontLeavesTheNodeUpAndLiveAndReady() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void thePrintingGroupIsUnavailableAndSaysHowToFixIt() throws Exception {
        mvc.perform(get("/actuator/health/printing"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DEGRADED"))
                .andExpect(content().string(containsString("fonts-wqy-zenhei")));
    }
}
