package org.hall24.audit.internal;

import org.hall24.applications.FilingAccessed;
import org.hall24.applications.FilingStatusChanged;
import org.hall24.applications.FilingSubmitted;
import org.hall24.catalog.ServiceItemPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into audit entries. Each listener runs after the publishing
 * transaction commits, in its own transaction, and the event publication registry retries it
 * after a crash, so no change goes unrecorded.
 */
@Component
class AuditListeners {

    private final AuditLog log;

    AuditListeners(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(ServiceItemPublished event) {
        log.append(event.actor(), "catalog.item.published", "item:" + event.code() + "@" + event.version(),
                "changed: " + String.join(", ", event.changedFields()));
    }

    @ApplicationModuleListener
    void on(FilingSubmitted event) {
        log.append("device:" + event.deviceCode(), "applications.filing.submitted", "filing:" + event.number(),
                "item: " + event.itemCode());
    }

    @ApplicationModuleListener
    void on(FilingStatusChanged event) {
        log.append(event.actor(), "applications.filing.status-changed", "filing:" + event.number(),
                event.from() + " -> " + event.to());
    }

    @ApplicationModuleListener
    void on(FilingAccessed event) {
        log.append(event.actor(), "applications.filing.accessed", "filing:" + event.number(), "purpose: " + event.purpose());
    }
}
