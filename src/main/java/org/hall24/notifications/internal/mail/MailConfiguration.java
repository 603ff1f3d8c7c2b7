package org.hall24.notifications.internal.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import org.hall24.notifications.EmailProvider;
import org.hall24.platform.demo.DemoPart;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Where e-mail goes, by {@code hall24.mail.provider}: {@code smtp} (default) through Spring Boot's
 * {@link JavaMailSender} ({@code spring.mail.host}, {@code .port}, {@code .username},
 * {@code .password}, {@code .properties.*}; application.properties points it at the simulated
 * mail server), or {@code log} (nothing leaves; ProviderConfiguration's log provider). Any other value stops
 * start-up naming the property, as does {@code smtp} without {@code spring.mail.host}.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    static final String PROVIDER = "hall24.mail.provider";
    static final String FROM = "hall24.mail.from";
    static final String DEFAULT_FROM = "九龙坡区24小时政务服务中心 <noreply@hall24.example>";

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = SmtpEmailProvider.NAME, matchIfMissing = true)
    EmailProvider smtpEmailProvider(@Value("${" + FROM + ":" + DEFAULT_FROM + "}") String from, ObjectProvider<JavaMailSender> sender) {
        return new SmtpEmailProvider(sender.getIfAvailable(() -> {
            throw new IllegalStateException(PROVIDER + "=smtp needs an SMTP server: set spring.mail.host (and spring.mail.port), "
                    + "or " + PROVIDER + "=log to send nothing (docs/notifications.md)");
        }), sender(from));
    }

    /** A value that is neither stops start-up here, naming the property, rather than as a missing bean elsewhere. */
    @Bean
    Object mailProviderChecked(@Value("${" + PROVIDER + ":smtp}") String provider) {
        if (!provider.equals(SmtpEmailProvider.NAME) && !provider.equals("log")) {
            throw new IllegalStateException(PROVIDER + " must be smtp or log, not '" + provider + "'");
        }
        return provider;
    }

    /** {@code 九龙坡区… <noreply@…>} with its display name encoded in UTF-8; a bare address is taken as it is. */
    static InternetAddress sender(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from.strip(), true);
            String address = parsed.getAddress();
            if (address == null || address.lastIndexOf('@') < 1) {
                throw new AddressException("no domain", from);
            }
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(address, parsed.getPersonal(), StandardCharsets.UTF_8.name());
        }
        catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException(FROM + " must be an address such as 'Name <noreply@example.cn>', not '" + from + "'", e);
        }
    }

    /** The simulated mail server, declared here because the simulator module depends on no module. */
    @Bean
    DemoPart simulatedMailServerDemoPart(@Value("${hall24.simulator.mail.enabled:true}") boolean on) {
        return new DemoPart("the simulated mail server (e-mail to staff stays on this machine)", "hall24.simulator.mail.enabled", on,
                "set hall24.simulator.mail.enabled=false and point spring.mail.host/port at the district's mail relay "
                        + "(docs/notifications.md)");
    }
}
