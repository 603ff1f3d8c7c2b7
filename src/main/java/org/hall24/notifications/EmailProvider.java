package org.hall24.notifications;

import java.util.UUID;

/**
 * Where e-mails leave the platform: an SMTP server ({@code spring.mail.*}), the simulator's in the
 * demo. Called outside any transaction, from the dispatcher's own thread, at most once per attempt.
 */
public interface EmailProvider {

    /** The name recorded with each message ({@code smtp}, {@code log}). */
    String name();

    /** Hands one e-mail to the server; answers as {@link SmsProvider#send} does. */
    SendOutcome send(OutgoingEmail email);

    /**
     * One e-mail to send: plain text, UTF-8.
     *
     * @param messageId the outbox id; the e-mail's Message-ID is derived from it, so a resent attempt is recognisable
     */
    record OutgoingEmail(UUID messageId, int attempt, String to, String subject, String text) {

        @Override
        public String toString() {
            return "OutgoingEmail[" + messageId + "#" + attempt + "]";
        }
    }
}
