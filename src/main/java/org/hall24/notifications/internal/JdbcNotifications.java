package org.hall24.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.notifications.Channel;
import org.hall24.notifications.DeliveryReceipts;
import org.hall24.notifications.DeliveryState;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.OutboxMessage;
import org.hall24.notifications.OutboxQuery;
import org.hall24.notifications.templates.MessageTemplates;
import org.hall24.notifications.templates.TemplateDefinition;
import org.hall24.shared.EmailAddress;
import org.hall24.shared.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues messages in the outbox (in the caller's transaction), lists them for admins, and takes delivery receipts. */
@Service
class JdbcNotifications implements Notifications, DeliveryReceipts {

    private static final Logger log = LoggerFactory.getLogger(JdbcNotifications.class);

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final NotificationProperties properties;
    private final Clock clock;

    JdbcNotifications(Outbox outbox, MessageTemplates templates, NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID sendSms(MobileNumber to, String template, Map<String, String> values, Locale locale) {
        return queue(Channel.SMS, to.value(), to.masked(), template, values, locale);
    }

    @Override
    @Transactional
    public UUID sendEmail(EmailAddress to, String template, Map<String, String> values, Locale locale) {
        return queue(Channel.EMAIL, to.value(), to.masked(), template, values, locale);
    }

    private UUID queue(Channel channel, String recipient, String shown, String template, Map<String, String> values, Locale locale) {
        MessageTemplates.Rendered rendered = templates.render(template, channel, locale, values);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        outbox.insert(new Outbox.NewMessage(id, channel, template, TemplateDefinition.language(locale), recipient, shown,
                rendered.subject(), rendered.text(), rendered.shownSubject(), rendered.shownText(), rendered.secret(),
                properties.maxAttempts(), now, now.plus(rendered.validFor())));
        log.info("Queued {} {} ({}) to {}", channel, id, template, shown);
        return id;
    }

    @Override
    public List<OutboxMessage> find(OutboxQuery query) {
        return outbox.find(query);
    }

    @Override
    public Optional<OutboxMessage> find(UUID id) {
        return outbox.find(id);
    }

    @Override
    public List<OutboxMessage.Attempt> attempts(UUID id) {
        return outbox.attempts(id);
    }

    @Override
    @Transactional
    public boolean retry(UUID id, String by) {
        boolean queued = outbox.requeue(id, clock.instant());
        if (queued) {
            log.info("Message {} queued again by {}", id, by);
        }
        return queued;
    }

    @Override
    @Transactional
    public void record(String provider, String providerId, DeliveryState state, String answer) {
        if (state != DeliveryState.DELIVERED && state != DeliveryState.EXPIRED && state != DeliveryState.PERMANENT_FAILURE) {
            throw new IllegalArgumentException("a receipt reports DELIVERED, EXPIRED or PERMANENT_FAILURE, not " + state);
        }
        Optional<DeliveryState> after = outbox.receipt(provider, providerId, state, answer, clock.instant());
        if (after.isEmpty()) {
            log.info("Receipt {} for {} part {} kept until its submit is recorded", state, provider, providerId);
        }
    }
}
