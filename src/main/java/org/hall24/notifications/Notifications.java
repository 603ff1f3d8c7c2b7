package org.hall24.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.shared.EmailAddress;
import org.hall24.shared.MobileNumber;

/**
 * Sends messages. A message is rendered at once from its template ({@code notifications/templates.yaml},
 * docs/notifications.md) and queued in the outbox in the caller's transaction, so it is sent if and
 * only if the caller's work commits; a dispatcher hands it to the channel's provider, retries
 * temporary failures and records every delivery state. Messages to staff go through
 * {@link StaffNotifications}, which picks the channel by the contact's hours.
 */
public interface Notifications {

    /**
     * Queues an SMS.
     *
     * @param to the recipient
     * @param template the template's key: the event it tells of ({@code verification-code}, {@code filing-received}…)
     * @param values a value for each of the template's placeholders (no more, no fewer)
     * @param locale the recipient's language
     * @return the message's id
     * @throws IllegalArgumentException if the template is unknown, has no SMS text, or the values do not match its placeholders
     */
    UUID sendSms(MobileNumber to, String template, Map<String, String> values, Locale locale);

    /** Queues an e-mail; as {@link #sendSms}, for a template with an e-mail subject and body. */
    UUID sendEmail(EmailAddress to, String template, Map<String, String> values, Locale locale);

    /** Messages matching the query, newest first; recipients masked, one-time codes and links masked. */
    List<OutboxMessage> find(OutboxQuery query);

    /** One message, as {@link #find}. */
    Optional<OutboxMessage> find(UUID id);

    /** The attempts to send a message, first first. */
    List<OutboxMessage.Attempt> attempts(UUID id);

    /**
     * Sends a failed or expired message again, as a new attempt, now. A message whose text was
     * already redacted (it held a one-time code or a link that grants access) cannot be resent:
     * the code is gone; the citizen asks for a new one.
     *
     * @param by who asks (recorded with the attempt)
     * @return whether it was queued again
     */
    boolean retry(UUID id, String by);
}
