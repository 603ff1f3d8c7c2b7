package org.hall24.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The simulated mail server receives over real SMTP what Spring's JavaMailSender sends, and keeps it readable. */
class SimulatedMailServerTest {

    SimulatedMailServer server;
    JavaMailSenderImpl sender;

    @BeforeEach
    void start() {
        server = new SimulatedMailServer(0, 3, Clock.systemUTC()).start();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(properties);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void send(String to, String subject, String text) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress("noreply@hall24.example", "九龙坡区24小时政务服务中心", "UTF-8"));
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text, false);
        message.setHeader("Message-ID", "<test-1@hall24.example>");
        sender.send(message);
    }

    @Test
    void aMailWithAChineseSubjectArrivesDecodedInTheRecipientsMailbox() throws Exception {
        send("Zhang.San@Example.cn", "【九龙坡政务】夜间消息汇总（3条）", "1. 03:12 有材料投递到文件柜。\n2. 第二条");

        assertThat(server.port()).isPositive();
        assertThat(server.mailboxes()).containsOnlyKeys("zhang.san@example.cn");
        SimulatedMailServer.ReceivedMail mail = server.mailsTo("zhang.san@example.cn").get(0);
        assertThat(mail.subject()).isEqualTo("【九龙坡政务】夜间消息汇总（3条）");
        assertThat(mail.text().replace("\r\n", "\n")).isEqualTo("1. 03:12 有材料投递到文件柜。\n2. 第二条");
        assertThat(mail.from()).isEqualTo("九龙坡区24小时政务服务中心 <noreply@hall24.example>");
        assertThat(mail.envelopeFrom()).isEqualTo("noreply@hall24.example");
        assertThat(mail.messageId()).isEqualTo("<test-1@hall24.example>");
        assertThat(mail.receivedAt()).isNotNull();
        assertThat(mail.sizeBytes()).isPositive();
    }

    @Test
    void aRecipientInAnInvalidDomainIsRefusedWith550AndNothingIsKept() {
        Throwable refused = catchThrowable(() -> send("nobody@nowhere.invalid", "主题", "正文"));

        assertThat(refused).isInstanceOf(MailSendException.class);
        assertThat(refused.getMessage()).contains("550");
        assertThat(server.mails()).isEmpty();
    }

    @Test
    void itKeepsOnlyTheNewestMailsNewestFirst() throws Exception {
        for (int i = 1; i <= 5; i++) {
            send("li@example.cn", "第" + i + "封", "正文" + i);
        }

        assertThat(server.mails()).extracting(SimulatedMailServer.ReceivedMail::subject).containsExactly("第5封", "第4封", "第3封");
        server.clear();
        assertThat(server.mailboxes()).isEmpty();
    }

    @Test
    void theTextOfAMessageInAnotherCharsetIsDecodedWithIt() throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "GB18030");
        helper.setFrom("noreply@hall24.example");
        helper.setTo("wang@example.cn");
        helper.setSubject("通知");
        helper.setText("国标编码的正文", false);
        sender.send(message);

        assertThat(server.mailsTo("wang@example.cn")).singleElement().satisfies(mail -> {
            assertThat(mail.text()).isEqualTo("国标编码的正文");
            assertThat(mail.subject()).isEqualTo("通知");
        });
        assertThat("国标编码的正文".getBytes(StandardCharsets.UTF_8)).isNotEqualTo("国标编码的正文".getBytes("GB18030"));
    }
}
