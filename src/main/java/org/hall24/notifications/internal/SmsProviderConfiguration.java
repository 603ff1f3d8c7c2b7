package org.hall24.notifications.internal;

import org.hall24.notifications.SmsProvider;
import org.hall24.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default SMS provider: nothing leaves the platform; the outbox is the record. */
@Configuration(proxyBeanMethods = false)
class SmsProviderConfiguration {

    @Bean
    @ConditionalOnMissingBean(SmsProvider.class)
    SmsProvider loggingSmsProvider() {
        return new LoggingSmsProvider();
    }

    static final class LoggingSmsProvider implements SmsProvider {

        private static final Logger log = LoggerFactory.getLogger(LoggingSmsProvider.class);

        @Override
        public void send(String to, String text) {
            log.info("SMS to {} not sent: no SMS provider is configured (the outbox at /admin/notifications has it)",
                    Masking.phone(to));
        }
    }
}
