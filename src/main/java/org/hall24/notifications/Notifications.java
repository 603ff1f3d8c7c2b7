package org.hall24.notifications;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hall24.shared.MobileNumber;

/**
 * Sends text messages. A message is rendered at once from its template and queued in the outbox
 * in the caller's transaction, so it is sent if and only if the caller's work commits; the
 * dispatcher hands it to the provider and retries failures.
 */
public interface Notifications {

    /**
     * Queues an SMS.
     *
     * @param to the recipient
     * @param template the template's message key suffix: {@code notifications.sms.<template>}
     * @param args the template's arguments, in order
     * @param locale the recipient's language
     * @param purpose why it is sent, for the outbox view ({@code verification-code}, {@code filing-received}…)
     * @return the message's id
     */
    UUID sendSms(MobileNumber to, String template, List<String> args, Locale locale, String purpose);

    /** The newest messages first, at most {@code limit}, recipients masked. */
    List<OutboxMessage> latest(int limit);
}
