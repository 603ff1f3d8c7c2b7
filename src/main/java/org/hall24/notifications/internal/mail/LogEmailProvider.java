package org.hall24.notifications.internal.mail;

import org.hall24.notifications.EmailProvider;
import org.hall24.notifications.SendOutcome;
import org.hall24.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hall24.mail.provider=log}: nothing is sent. Each e-mail is written to the log as
 * <b>LOGGED (not sent)</b> — its outbox id and the masked address, never the subject, the body or
 * the address in full — and the outbox records it {@code LOGGED}, never as sent.
 */
public final class LogEmailProvider implements EmailProvider {

    public static final String NAME = "log";
    static final String ANSWER = "LOGGED (not sent): hall24.mail.provider=log";

    private static final Logger log = LoggerFactory.getLogger(LogEmailProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SendOutcome send(OutgoingEmail email) {
        log.info("E-mail {} to {} LOGGED (not sent): hall24.mail.provider=log", email, Masking.email(email.to()));
        return new SendOutcome.Logged(ANSWER);
    }
}
