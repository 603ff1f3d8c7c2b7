package org.hall24.kiosk.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.hall24.applications.Applications;
import org.hall24.applications.Filing;
import org.hall24.departments.InstantAnswer;
import org.hall24.departments.InstantRequest;
import org.hall24.identity.KioskSessionEnded;
import org.hall24.identity.KioskSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What one kiosk session did, kept in memory for the session's life only: the filings it
 * submitted (so only they can be shown and reprinted at this kiosk), the departments' answers it
 * got, and which material the document camera's next capture belongs to. A session's end forgets
 * it and drops its drafts.
 * <p>
 * Nothing is kept for a session that is not live: work that finishes after the session ended (a
 * submit, an answer, a capture target) records nothing. A session's state is added, then the
 * session is looked up and the state dropped again if the session is gone; since
 * {@link KioskSessions#find} is empty before {@link KioskSessionEnded} is published, either the end
 * removes what was added or the look-up sees the end. No lock is held while another module is called.
 */
@Component
class KioskFilings {

    record CaptureTarget(UUID draftId, int materialIndex) {
    }

    /** A department's answer to an instant item. */
    record Answered(InstantRequest request, InstantAnswer answer) {
    }

    /** What one live session did. */
    private static final class SessionState {
        final Map<String, Filing> filings = new ConcurrentHashMap<>();
        final Map<UUID, Filing> draftsFiled = new ConcurrentHashMap<>();
        final Map<UUID, Answered> answers = new ConcurrentHashMap<>();
        volatile @Nullable CaptureTarget target;
    }

    private final Map<UUID, SessionState> states = new ConcurrentHashMap<>();
    private final Applications applications;
    private final KioskSessions sessions;

    KioskFilings(Applications applications, KioskSessions sessions) {
        this.applications = applications;
        this.sessions = sessions;
    }

    /** Applies {@code change} to the session's state if the session is live; nothing is kept when it is not. */
    private void whileLive(UUID sessionId, Consumer<SessionState> change) {
        SessionState state = states.computeIfAbsent(sessionId, id -> new SessionState());
        if (sessions.find(sessionId).isEmpty()) {
            states.remove(sessionId, state);
            return;
        }
        change.accept(state);
    }

    private Optional<SessionState> state(UUID sessionId) {
        return Optional.ofNullable(states.get(sessionId));
    }

    /** Records a filing the session submitted from a draft; nothing once the session has ended. */
    void submitted(UUID sessionId, UUID draftId, Filing filing) {
        whileLive(sessionId, s -> {
            s.draftsFiled.putIfAbsent(draftId, filing);
            s.filings.putIfAbsent(filing.number(), filing);
        });
    }

    /** The filing this session made of a draft, once the draft is consumed. */
    Optional<Filing> filingOfDraft(UUID sessionId, UUID draftId) {
        return state(sessionId).map(s -> s.draftsFiled.get(draftId));
    }

    boolean owns(UUID sessionId, String filingNumber) {
        return state(sessionId).map(s -> s.filings.containsKey(filingNumber)).orElse(false);
    }

    Optional<Filing> filing(UUID sessionId, String filingNumber) {
        return state(sessionId).map(s -> s.filings.get(filingNumber));
    }

    void setCaptureTarget(UUID sessionId, UUID draftId, int materialIndex) {
        whileLive(sessionId, s -> s.target = new CaptureTarget(draftId, materialIndex));
    }

    void clearCaptureTarget(UUID sessionId) {
        state(sessionId).ifPresent(s -> s.target = null);
    }

    Optional<CaptureTarget> target(UUID sessionId) {
        return state(sessionId).map(s -> s.target);
    }

    /** Keeps a department's answer for the session; its id (under which nothing is kept once the session ended). */
    UUID answered(UUID sessionId, InstantRequest request, InstantAnswer answer) {
        UUID id = UUID.randomUUID();
        whileLive(sessionId, s -> s.answers.put(id, new Answered(request, answer)));
        return id;
    }

    Optional<Answered> answer(UUID sessionId, UUID answerId) {
        return state(sessionId).map(s -> s.answers.get(answerId));
    }

    /** Whether anything of the session is in memory. */
    boolean holds(UUID sessionId) {
        return states.containsKey(sessionId);
    }

    @EventListener
    void on(KioskSessionEnded ended) {
        states.remove(ended.sessionId());
        applications.discardDrafts(ended.sessionId().toString());
    }
}
