package org.hall24.notifications.internal;

import org.hall24.notifications.EmailProvider;
import org.hall24.notifications.SendOutcome;
import org.hall24.notifications.SmsProvider;
import org.hall24.notifications.templates.FileMessageTemplates;
import org.hall24.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The templates, and the {@code log} providers ({@code hall24.sms.provider=log},
 * {@code hall24.mail.provider=log}): nothing leaves the platform, every message ends LOGGED (not
 * sent), the log names its id and masked recipient, never its text.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    FileMessageTemplates messageTemplates(NotificationProperties properties,
            @Value("${hall24.sms.signature}") String signature) {
        return new FileMessageTemplates(properties.templatesLocation(), signature);
    }

    @Bean
    @ConditionalOnProperty(name = "hall24.sms.provider", havingValue = "log")
    SmsProvider loggingSmsProvider() {
        return new SmsProvider() {

            private static final Logger log = LoggerFactory.getLogger("org.hall24.notifications.LogSmsProvider");

            @Override
            public String name() {
                return "log";
            }

            @Override
            public SendOutcome send(OutgoingSms sms) {
                log.info("SMS {} to {} LOGGED (not sent): hall24.sms.provider=log", sms.messageId(), Masking.phone(sms.to()));
                return new SendOutcome.Logged("hall24.sms.provider=log: logged, not sent");
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "hall24.mail.provider", havingValue = "log")
    EmailProvider loggingEmailProvider() {
        return new EmailProvider() {

            private static final Logger log = LoggerFactory.getLogger("org.hall24.notifications.LogEmailProvider");

            @Override
            public String name() {
                return "log";
            }

            @Override
            public SendOutcome send(OutgoingEmail email) {
                log.info("E-mail {} to {} LOGGED (not sent): hall24.mail.provider=log", email.messageId(), Masking.email(email.to()));
                return new SendOutcome.Logged("hall24.mail.provider=log: logged, not sent");
            }
        };
    }
}
