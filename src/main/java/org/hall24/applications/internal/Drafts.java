package org.hall24.applications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.hall24.applications.Draft;
import org.hall24.applications.DraftNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Drafts in this node's memory, never in the database: they hold personal data and die with the
 * kiosk session (or after {@code hall24.applications.draft-ttl} without a change, default 2 h, as a
 * safety net). A kiosk's session is served by one node (sticky), so memory suffices.
 */
@Component
class Drafts {

    private record Entry(Draft draft, Instant touched) {
    }

    private final Map<UUID, Entry> drafts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    Drafts(Clock clock, @Value("${hall24.applications.draft-ttl:2h}") Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    void put(Draft draft) {
        evictStale();
        drafts.put(draft.id(), new Entry(draft, clock.instant()));
    }

    Optional<Draft> get(UUID id) {
        Entry entry = drafts.get(id);
        if (entry == null || stale(entry)) {
            return Optional.empty();
        }
        return Optional.of(entry.draft());
    }

    /** Changes a draft atomically. @throws DraftNotFoundException if there is none */
    Draft update(UUID id, UnaryOperator<Draft> change) {
        Entry updated = drafts.computeIfPresent(id, (k, entry) -> stale(entry) ? null
                : new Entry(change.apply(entry.draft()), clock.instant()));
        if (updated == null) {
            throw new DraftNotFoundException(id);
        }
        return updated.draft();
    }

    void remove(UUID id) {
        drafts.remove(id);
    }

    void removeSession(String sessionKey) {
        drafts.values().removeIf(e -> e.draft().sessionKey().equals(sessionKey));
    }

    private boolean stale(Entry entry) {
        return entry.touched().plus(ttl).isBefore(clock.instant());
    }

    private void evictStale() {
        drafts.values().removeIf(this::stale);
    }
}
