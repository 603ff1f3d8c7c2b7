package org.hall24.notifications;

import java.util.List;

/** What a provider says about one attempt to send a message. Providers answer; they do not throw for refusals. */
public sealed interface SendOutcome {

    /** The provider's own words (an SMPP command status, an SMTP reply), shown to admins; never the message text. */
    String answer();

    /**
     * Accepted by the provider.
     *
     * @param providerIds the provider's id of each part (one per SMS segment; the Message-ID of an e-mail)
     */
    record Submitted(List<String> providerIds, String answer) implements SendOutcome {

        public Submitted {
            providerIds = List.copyOf(providerIds);
            if (providerIds.isEmpty()) {
                throw new IllegalArgumentException("a submitted message has at least one provider id");
            }
        }
    }

    /** Written to a log instead of being sent (the {@code log} provider). */
    record Logged(String answer) implements SendOutcome {
    }

    /** Not sent, may pass later: retry. */
    record TemporaryFailure(String answer) implements SendOutcome {
    }

    /** Refused for good: do not retry. */
    record PermanentFailure(String answer) implements SendOutcome {
    }
}
