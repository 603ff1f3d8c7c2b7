package org.hall24.audit.internal;

import org.hall24.accounts.StaffPasswordChanged;
import org.hall24.accounts.StaffSignInFailed;
import org.hall24.accounts.StaffSignInLocked;
import org.hall24.applications.FilingAccessed;
import org.hall24.applications.FilingStatusChanged;
import org.hall24.applications.FilingSubmitted;
import org.hall24.catalog.ServiceItemPublished;
import org.hall24.identity.AssistedCheckDecided;
import org.hall24.identity.CardPhotoViewed;
import org.hall24.identity.CardRefused;
import org.hall24.identity.FaceCheckRecorded;
import org.hall24.identity.KioskSessionEnded;
import org.hall24.identity.KioskSessionStarted;
import org.hall24.identity.KioskSessionVerified;
import org.hall24.kiosk.InstantItemAnswered;
import org.hall24.kiosk.KioskPaired;
import org.hall24.kiosk.KioskPairingCodeIssued;
import org.hall24.kiosk.KioskPairingRefused;
import org.hall24.kiosk.KioskPairingRevoked;
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

    // Identity at the kiosks: subjects are kiosk-session:<id>; ID numbers arrive masked only.

    @ApplicationModuleListener
    void on(KioskSessionStarted event) {
        log.append(event.deviceCode(), "identity.session.started", session(event.sessionId()), "kiosk " + event.deviceCode());
    }

    @ApplicationModuleListener
    void on(FaceCheckRecorded event) {
        log.append(event.deviceCode(), "identity.face." + (event.verdict().name().equals("ACCEPTED") ? "accepted" : "refused"),
                session(event.sessionId()), "id " + event.maskedIdNumber() + ", attempt " + event.attempt() + ", verdict "
                        + event.verdict() + ", score " + event.score() + ", kiosk " + event.deviceCode());
    }

    @ApplicationModuleListener
    void on(AssistedCheckDecided event) {
        log.append(event.staffUsername(), "identity.assisted." + (event.approved() ? "approved" : "rejected"),
                session(event.sessionId()), "id " + event.maskedIdNumber() + ", kiosk " + event.deviceCode());
    }

    @ApplicationModuleListener
    void on(CardPhotoViewed event) {
        log.append(event.staffUsername(), "identity.card-photo.viewed", session(event.sessionId()),
                "id " + event.maskedIdNumber() + ", kiosk " + event.deviceCode());
    }

    @ApplicationModuleListener
    void on(KioskSessionVerified event) {
        log.append(event.deviceCode(), "identity.session.verified", session(event.sessionId()), "method " + event.method());
    }

    @ApplicationModuleListener
    void on(KioskSessionEnded event) {
        log.append(event.deviceCode(), "identity.session.ended", session(event.sessionId()), "reason " + event.reason());
    }

    @ApplicationModuleListener
    void on(CardRefused event) {
        log.append(event.deviceCode(), "identity.card.refused", "kiosk:" + event.deviceCode(),
                "id " + event.maskedIdNumber() + ", reason " + event.reason());
    }

    // Kiosk pairing: subjects are kiosk:<device code>.

    @ApplicationModuleListener
    void on(KioskPairingCodeIssued event) {
        log.append(event.by(), "kiosk.pairing-code.issued", "kiosk:" + event.deviceCode(), "valid until " + event.expiresAt());
    }

    @ApplicationModuleListener
    void on(KioskPaired event) {
        log.append("kiosk-browser@" + event.clientAddress(), "kiosk.paired", "kiosk:" + event.deviceCode(),
                "pairing " + event.pairingId() + ", user agent " + event.userAgent());
    }

    @ApplicationModuleListener
    void on(KioskPairingRevoked event) {
        log.append(event.by(), "kiosk.pairing.revoked", "kiosk:" + event.deviceCode(), "pairing " + event.pairingId());
    }

    @ApplicationModuleListener
    void on(KioskPairingRefused event) {
        log.append("kiosk-browser@" + event.clientAddress(), "kiosk.pairing.refused", "kiosk-pairing", "reason " + event.reason());
    }

    private static String session(java.util.UUID id) {
        return "kiosk-session:" + id;
    }

    @ApplicationModuleListener
    void on(InstantItemAnswered event) {
        log.append("device:" + event.deviceCode(), "kiosk.instant-item.answered", "kiosk:" + event.deviceCode(),
                "item " + event.itemCode() + ", id " + event.maskedIdNumber() + ", outcome " + event.outcome()
                        + (event.reference() == null ? "" : ", reference " + event.reference()));
    }

    // Staff sign-in: subjects are staff:<username as typed> (the name may belong to no account).

    @ApplicationModuleListener
    void on(StaffSignInFailed event) {
        log.append("sign-in@" + event.clientAddress(), event.whileLocked() ? "accounts.sign-in.refused-locked" : "accounts.sign-in.failed",
                "staff:" + event.username(), event.whileLocked() ? "refused unchecked: locked" : "wrong username or password");
    }

    @ApplicationModuleListener
    void on(StaffSignInLocked event) {
        log.append("sign-in@" + event.clientAddress(), "accounts.sign-in.locked", "staff:" + event.username(),
                "locked by " + event.scope() + " for up to " + event.lockedFor().toSeconds() + " s");
    }

    @ApplicationModuleListener
    void on(StaffPasswordChanged event) {
        log.append(event.username(), "accounts.password.changed", "staff:" + event.username(),
                event.wasRequired() ? "initial password replaced" : "changed by its holder");
    }
}
