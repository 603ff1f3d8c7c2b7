package org.hall24.notifications;

/**
 * Where text messages leave the platform: a carrier's SMPP gateway or an HTTP provider in
 * production; by default {@code LoggingSmsProvider}, which only logs, so the outbox is the record.
 */
public interface SmsProvider {

    /**
     * Hands one message to the provider.
     *
     * @param to the 11-digit mobile number
     * @param text the text
     * @throws SmsRefusedException if the provider refused it (the dispatcher retries)
     */
    void send(String to, String text);

    /** A provider's refusal. */
    class SmsRefusedException extends RuntimeException {

        public SmsRefusedException(String message) {
            super(message);
        }
    }
}
