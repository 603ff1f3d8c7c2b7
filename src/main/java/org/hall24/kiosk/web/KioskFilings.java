package org.hall24.kiosk.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.hall24.applications.Applications;
import org.hall24.applications.Filing;
import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantRequest;
import org.hall24.device.CommandOutcome;
import org.jspecify.annotations.Nullable;
import org.hall24.identity.KioskSessionEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What one kiosk session did, kept in memory for the session's life only: the filings it
 * submitted (so only they can be shown and reprinted at this kiosk) and which material the
 * document camera's next capture belongs to. A session's end forgets it and drops its drafts.
 */
@Component
class KioskFilings {

    record CaptureTarget(UUID draftId, int materialIndex) {
    }

    /** A department's answer to an instant item, and its latest print. */
    record Answered(InstantRequest request, InstantAnswer answer, @Nullable CommandOutcome print) {
    }

    private final Map<UUID, Map<String, Filing>> filingsBySession = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Filing>> draftsFiled = new ConcurrentHashMap<>();
    private final Map<UUID, CaptureTarget> captureTargets = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Answered>> answersBySession = new ConcurrentHashMap<>();
    private final Applications applications;

    KioskFilings(Applications applications) {
        this.applications = applications;
    }

    /** Records a filing the session submitted from a draft; {@code true} the first time, so its receipt is printed once. */
    boolean submitted(UUID sessionId, UUID draftId, Filing filing) {
        draftsFiled.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>()).putIfAbsent(draftId, filing);
        return filingsBySession.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>()).putIfAbsent(filing.number(), filing) == null;
    }

    /** The filing this session made of a draft, once the draft is consumed. */
    Optional<Filing> filingOfDraft(UUID sessionId, UUID draftId) {
        return Optional.ofNullable(draftsFiled.getOrDefault(sessionId, Map.of()).get(draftId));
    }

    boolean owns(UUID sessionId, String filingNumber) {
        return filingsBySession.getOrDefault(sessionId, Map.of()).containsKey(filingNumber);
    }

    Optional<Filing> filing(UUID sessionId, String filingNumber) {
        return Optional.ofNullable(filingsBySession.getOrDefault(sessionId, Map.of()).get(filingNumber));
    }

    void setCaptureTarget(UUID sessionId, UUID draftId, int materialIndex) {
        captureTargets.put(sessionId, new CaptureTarget(draftId, materialIndex));
    }

    void clearCaptureTarget(UUID sessionId) {
        captureTargets.remove(sessionId);
    }

    Optional<CaptureTarget> target(UUID sessionId) {
        return Optional.ofNullable(captureTargets.get(sessionId));
    }

    UUID answered(UUID sessionId, InstantRequest request, InstantAnswer answer) {
        UUID id = UUID.randomUUID();
        answersBySession.computeIfAbsent(sessionId, s -> new ConcurrentHashMap<>()).put(id, new Answered(request, answer, null));
        return id;
    }

    Optional<Answered> answer(UUID sessionId, UUID answerId) {
        return Optional.ofNullable(answersBySession.getOrDefault(sessionId, Map.of()).get(answerId));
    }

    void printed(UUID sessionId, UUID answerId, CommandOutcome outcome) {
        answersBySession.getOrDefault(sessionId, Map.of()).computeIfPresent(answerId,
                (id, a) -> new Answered(a.request(), a.answer(), outcome));
    }

    @EventListener
    void on(KioskSessionEnded ended) {
        answersBySession.remove(ended.sessionId());
        filingsBySession.remove(ended.sessionId());
        draftsFiled.remove(ended.sessionId());
        captureTargets.remove(ended.sessionId());
        applications.discardDrafts(ended.sessionId().toString());
    }

}
