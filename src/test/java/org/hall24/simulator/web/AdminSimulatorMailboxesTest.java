package org.hall24.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hall24.Hall24IntegrationTest;
import org.hall24.simulator.internal.SimulatedMailPort;
import org.hall24.simulator.internal.SimulatedMailServerRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The simulated mail server inside the application, on the port it published, and its mailboxes page. */
@Hall24IntegrationTest
class AdminSimulatorMailboxesTest {

    @Autowired
    SimulatedMailServerRunner runner;

    @Autowired
    Environment environment;

    @Autowired
    MockMvc mvc;

    @Test
    void itListensOnThePortItPublishedWhichTheMailDefaultsFollow() {
        int port = runner.server().port();

        assertThat(runner.server().isRunning()).isTrue();
        assertThat(port).isPositive().isNotEqualTo(18025);
        assertThat(environment.getProperty(SimulatedMailPort.LOCAL_PORT, Integer.class)).isEqualTo(port);
        assertThat(environment.resolvePlaceholders("${local.smtp.port:${hall24.simulator.mail.port:18025}}"))
                .as("application.properties' spring.mail.port").isEqualTo(Integer.toString(port));
    }

    @Test
    void theMailboxesPageShowsAMailSentOverSmtpWithItsChineseSubject() throws Exception {
        String address = "mailbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(runner.server().port());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress("noreply@hall24.example", "九龙坡区24小时政务服务中心", "UTF-8"));
        helper.setTo(address);
        helper.setSubject("【九龙坡政务】夜间消息汇总（1条）");
        helper.setText("1. 12-04 03:00 申办件JLP-20261204-000123的纸质材料已投入B3格", false);
        sender.send(message);

        String page = mvc.perform(get("/admin/simulator/mailboxes").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"simulated-badge\"").contains("模拟邮件服务器 / simulated mail server — nothing leaves this machine")
                .contains("127.0.0.1:" + runner.server().port() + "，")
                .contains("data-address=\"" + address + "\"")
                .contains("【九龙坡政务】夜间消息汇总（1条）")
                .contains("申办件JLP-20261204-000123的纸质材料已投入B3格")
                .contains("九龙坡区24小时政务服务中心 &lt;noreply@hall24.example&gt;");

        mvc.perform(post("/admin/simulator/mailboxes/clear").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(runner.server().mailsTo(address)).isEmpty();
        mvc.perform(get("/admin/simulator/mailboxes")).andExpect(status().is3xxRedirection());
    }
}
