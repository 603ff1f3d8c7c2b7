package org.hall24.notifications;

import java.util.UUID;

/**
 * Where text messages leave the platform, chosen by {@code hall24.sms.provider}: {@code smpp}
 * (a carrier's SMSC, or the simulator's) or {@code log} (nothing leaves: {@link SendOutcome.Logged}).
 * Called outside any transaction, from the dispatcher's own thread, at most once per attempt.
 */
public interface SmsProvider {

    /** The name recorded with each message ({@code smpp}, {@code log}). */
    String name();

    /**
     * Hands one message to the provider, splitting it into segments as needed. Must return within
     * the provider's own time-out; a provider that cannot tell whether it was accepted answers
     * {@link SendOutcome.TemporaryFailure}. An unexpected exception counts as a temporary failure.
     */
    SendOutcome send(OutgoingSms sms);

    /**
     * One message to send.
     *
     * @param messageId the outbox id; with {@code attempt} it identifies this attempt (a reference for the provider)
     * @param to the 11-digit mobile number
     * @param text the full text, signature included
     */
    record OutgoingSms(UUID messageId, int attempt, String to, String text) {

        @Override
        public String toString() {
            return "OutgoingSms[" + messageId + "#" + attempt + "]";
        }
    }
}
