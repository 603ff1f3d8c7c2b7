package org.hall24.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hall24.Hall24IntegrationTest;
import org.hall24.simulator.SimulatedSmsc;
import org.hall24.testing.SimulatedPhones;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The simulated phones page shows what the in-process SMSC received, to admins only. */
@Hall24IntegrationTest
class AdminSimulatorPhonesControllerTest {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor STAFF = user("reviewer").roles("STAFF");
    static final String PHONE = "13612345678";

    @Autowired MockMvc mvc;
    @Autowired SimulatedSmsc smsc;

    /** Sends a text as any SMPP client would (the platform's provider is not under test here). */
    private void textPhone(String text) throws Exception {
        SMPPSession client = new SMPPSession();
        try {
            client.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TX, SimulatedSmsc.DEMO_SYSTEM_ID,
                    SimulatedSmsc.DEMO_PASSWORD, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
            client.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690024", TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.ISDN, PHONE, new ESMClass(), (byte) 0, (byte) 0, null, null, new RegisteredDelivery(0),
                    (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, text.getBytes(StandardCharsets.UTF_16BE));
        }
        finally {
            client.unbindAndClose();
        }
    }

    @Test
    void anAdminReadsAReceivedTextInFullWithTheSimulatedSmscBadge() throws Exception {
        String text = "【九龙坡政务】您的验证码为 482913，5 分钟内有效。";
        textPhone(text);
        assertThat(new SimulatedPhones(smsc).awaitCode(PHONE)).isEqualTo("482913");

        String page = mvc.perform(get("/admin/simulator/phones").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"phone-" + PHONE + "\"", text, "模拟运营商短信中心 — 不是真实手机", "分 1 段发送",
                "监听 127.0.0.1:" + smsc.port() + "，");
        String english = mvc.perform(get("/admin/simulator/phones").param("lang", "en").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Simulated carrier SMSC — not a real phone", text);
    }

    @Test
    void theSimulatorPageLinksToThePhones() throws Exception {
        assertThat(mvc.perform(get("/admin/simulator").with(ADMIN)).andReturn().getResponse().getContentAsString())
                .contains("href=\"/admin/simulator/phones\"");
    }

    @Test
    void staffWhoAreNotAdminsAreRefusedAndVisitorsSentToSignIn() throws Exception {
        mvc.perform(get("/admin/simulator/phones").with(STAFF)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/simulator/phones")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/simulator/phones/smsc/down").with(STAFF).with(csrf())).andExpect(status().isForbidden());
        assertThat(smsc.isUp()).isTrue();
    }

    @Test
    void theFaultSwitchesTakeTheSmscDownAndBackUp() throws Exception {
        try {
            mvc.perform(post("/admin/simulator/phones/smsc/down").with(ADMIN).with(csrf()))
                    .andExpect(redirectedUrl("/admin/simulator/phones"));
            assertThat(smsc.isUp()).isFalse();
            mvc.perform(post("/admin/simulator/phones/smsc/clear").with(ADMIN).with(csrf()))
                    .andExpect(redirectedUrl("/admin/simulator/phones"));
            assertThat(smsc.isUp()).isTrue();
            mvc.perform(post("/admin/simulator/phones/smsc/unknown").with(ADMIN).with(csrf())).andExpect(status().isNotFound());
        }
        finally {
            smsc.clearFaults();
        }
    }
}
