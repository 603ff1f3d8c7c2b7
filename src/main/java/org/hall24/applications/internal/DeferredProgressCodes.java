package org.hall24.applications.internal;

import java.util.Locale;
import java.util.UUID;

import org.hall24.applications.Applications;
import org.hall24.applications.ProgressCodes;
import org.hall24.notifications.VerificationCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ProgressCodes}: the request opens a challenge and publishes {@link ProgressCodeRequested}
 * in one transaction (two inserts, whatever the number); the listener runs after the commit, on
 * another thread, looks the filing up (an audited read) and sends the code where there is a phone.
 * The event publication registry replays the listener after a crash.
 */
@Service
class DeferredProgressCodes implements ProgressCodes {

    static final String ACTOR = "track";
    private static final Logger log = LoggerFactory.getLogger(DeferredProgressCodes.class);

    private final VerificationCodes codes;
    private final Applications applications;
    private final ApplicationEventPublisher events;

    DeferredProgressCodes(VerificationCodes codes, Applications applications, ApplicationEventPublisher events) {
        this.codes = codes;
        this.applications = applications;
        this.events = events;
    }

    @Override
    @Transactional
    public UUID request(String number, Locale locale) {
        UUID challenge = codes.open(ProgressCodes.purpose(number)).id();
        events.publishEvent(new ProgressCodeRequested(challenge, number, locale.toLanguageTag()));
        return challenge;
    }

    @ApplicationModuleListener
    void on(ProgressCodeRequested request) {
        if (applications.summary(request.number()).isEmpty()) {
            return;
        }
        applications.filing(request.number(), ACTOR, "track-code")
                .flatMap(filing -> java.util.Optional.ofNullable(filing.applicant().phone()))
                .ifPresent(phone -> {
                    boolean sent = codes.send(request.challengeId(), phone, "track-code", Locale.forLanguageTag(request.languageTag()),
                            java.util.Map.of("number", request.number()));
                    log.info("Progress code for {}: {}", request.number(), sent ? "sent to " + phone.masked() : "not sent");
                });
    }

    /**
     * A progress code was asked for: which challenge, for which number, in which language. No
     * personal data; it is stored in the event publication registry until handled.
     */
    public record ProgressCodeRequested(UUID challengeId, String number, String languageTag) {
    }
}
