package org.hall24.notifications.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import java.util.UUID;

import org.hall24.notifications.EmailProvider.OutgoingEmail;
import org.hall24.notifications.SendOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The SMTP provider against real SMTP servers: GreenMail accepting, SubEtha SMTP refusing, nothing listening, a server that never answers. */
class SmtpEmailProviderTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String SUBJECT = "【九龙坡政务】夜间消息汇总（3条）";
    static final String TEXT = "您好，夜间共有 3 条消息：\n1. 03:12 有材料投递到文件柜 A3。";

    static SmtpEmailProvider provider(int port, int timeoutMillis) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
        properties.setProperty("mail.smtp.timeout", Integer.toString(timeoutMillis));
        properties.setProperty("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
        sender.setJavaMailProperties(properties);
        return new SmtpEmailProvider(sender, MailConfiguration.sender(MailConfiguration.DEFAULT_FROM));
    }

    static OutgoingEmail email(UUID id, int attempt, String to) {
        return new OutgoingEmail(id, attempt, to, SUBJECT, TEXT);
    }

    @Test
    void anAcceptedMailIsSubmittedWithItsMessageIdAndArrivesDecoded() throws Exception {
        UUID id = UUID.randomUUID();
        SmtpEmailProvider provider = provider(greenMail.getSmtp().getPort(), 5000);

        SendOutcome outcome = provider.send(email(id, 1, "zhang@example.cn"));

        String messageId = "<" + id + "@hall24.example>";
        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Submitted.class, submitted -> {
            assertThat(submitted.providerIds()).containsExactly(messageId);
            assertThat(submitted.answer()).startsWith("250");
        });
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(messageId);
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(((String) received.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
        assertThat(received.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("九龙坡区24小时政务服务中心");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("noreply@hall24.example");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(GreenMailUtil.getAddressList(received.getAllRecipients())).isEqualTo("zhang@example.cn");
    }

    @Test
    void everyAttemptOfAMessageCarriesTheSameMessageId() throws Exception {
        UUID id = UUID.randomUUID();
        SmtpEmailProvider provider = provider(greenMail.getSmtp().getPort(), 5000);

        provider.send(email(id, 1, "li@example.cn"));
        provider.send(email(id, 2, "li@example.cn"));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo(provider.messageId(id));
    }

    @Test
    void aRecipientRefusedWith550IsAPermanentFailureWhoseAnswerMasksTheAddress() {
        SMTPServer refusing = refusingServer(550, "5.1.1 <wang.wu@example.cn>: mailbox unavailable");
        try {
            SendOutcome outcome = provider(refusing.getPortAllocated(), 5000).send(email(UUID.randomUUID(), 1, "wang.wu@example.cn"));

            assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
            assertThat(outcome.answer()).contains("550").contains("w***@example.cn").doesNotContain("wang.wu@");
        }
        finally {
            refusing.stop();
        }
    }

    @Test
    void aRecipientDeferredWith451IsATemporaryFailure() {
        SMTPServer deferring = refusingServer(451, "4.3.0 try again later");
        try {
            SendOutcome outcome = provider(deferring.getPortAllocated(), 5000).send(email(UUID.randomUUID(), 1, "zhao@example.cn"));

            assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
            assertThat(outcome.answer()).contains("451");
        }
        finally {
            deferring.stop();
        }
    }

    @Test
    void noServerListeningIsATemporaryFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }

        SendOutcome outcome = provider(port, 2000).send(email(UUID.randomUUID(), 1, "zhang@example.cn"));

        assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(outcome.answer()).startsWith("cannot connect to the SMTP server");
    }

    @Test
    void aServerThatNeverAnswersIsATemporaryFailureAfterTheTimeOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try (Socket connection = silent.accept(); InputStream in = connection.getInputStream()) {
                    in.readAllBytes();
                }
                catch (IOException closed) {
                    // the client gave up
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.nanoTime();

            SendOutcome outcome = provider(silent.getLocalPort(), 500).send(email(UUID.randomUUID(), 1, "zhang@example.cn"));

            assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
            assertThat(outcome.answer()).contains("in time");
            assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
            acceptor.interrupt();
        }
    }

    @Test
    void anAddressThatCannotBeParsedIsAPermanentFailure() {
        SendOutcome outcome = provider(greenMail.getSmtp().getPort(), 5000).send(email(UUID.randomUUID(), 1, "not an address"));

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    static SMTPServer refusingServer(int code, String reply) {
        SMTPServer server = SMTPServer.port(0).bindAddress(loopback()).messageHandlerFactory(context -> new MessageHandler() {
            @Override
            public void from(String from) {
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                throw new RejectException(code, reply);
            }

            @Override
            public String data(InputStream data) {
                return null;
            }

            @Override
            public void done() {
            }
        }).build();
        server.start();
        return server;
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
