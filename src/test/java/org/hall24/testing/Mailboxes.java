package org.hall24.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mailboxes the tests' e-mail reaches: one GreenMail SMTP server for the whole test JVM, which
 * every test context's {@code spring.mail.*} points at while {@code hall24.test.mail=greenmail}
 * (application-test.properties). The contexts share one database, so any context's dispatcher may
 * send an e-mail another context queued; with one server for all, a test finds its mail whichever
 * sent it. Registered as an {@link EnvironmentPostProcessor} in src/test/resources/META-INF/spring.factories.
 */
public final class Mailboxes implements EnvironmentPostProcessor, Ordered {

    private static GreenMail server;

    /** The server, started on a free port at its first use. */
    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            started.start();
            server = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-mailboxes-stop"));
        }
        return server;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"greenmail".equals(environment.getProperty("hall24.test.mail"))) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("hall24-test-mailboxes",
                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(server().getSmtp().getPort()))));
    }

    /** After Boot's config data, so that it sees application-test.properties. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Every mail the address received, oldest first. */
    public static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** The mails the address received once there are {@code count}, awaited. */
    public static List<MimeMessage> awaitMailsTo(String address, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address), mails -> mails.size() >= count);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        }
        catch (MessagingException e) {
            return false;
        }
    }
}
