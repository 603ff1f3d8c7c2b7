package org.hall24.kiosk.web;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hall24.applications.Applications;
import org.hall24.applications.MaterialRejectedException;
import org.hall24.applications.MaterialSource;
import org.hall24.device.DocumentCaptured;
import org.hall24.identity.KioskSession;
import org.hall24.identity.KioskSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The kiosk's document camera (高拍仪): a page it captures becomes a file of the material the
 * citizen's materials screen is pointing at, and the screen is told to show it. A capture with no
 * verified session or no material waiting is dropped (the image may show personal data: it is
 * never kept anywhere else). The image is checked and normalised like any upload, off the MQTT
 * thread.
 */
@Component
class KioskDocumentCamera implements DisposableBean {

    static final String MATERIALS_LIST = "#materials-list";
    private static final Logger log = LoggerFactory.getLogger(KioskDocumentCamera.class);

    private final KioskSessions sessions;
    private final KioskFilings state;
    private final Applications applications;
    private final KioskEventStream events;
    /** Normalising an image is CPU work: as many at once as there are cores. */
    private final ExecutorService worker = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "kiosk-document-camera");
        t.setDaemon(true);
        return t;
    });

    KioskDocumentCamera(KioskSessions sessions, KioskFilings state, Applications applications, KioskEventStream events) {
        this.sessions = sessions;
        this.state = state;
        this.applications = applications;
        this.events = events;
    }

    @EventListener
    void on(DocumentCaptured captured) {
        worker.execute(() -> attach(captured));
    }

    private void attach(DocumentCaptured captured) {
        Optional<KioskSession> session = sessions.current(captured.deviceCode()).filter(KioskSession::verified);
        Optional<KioskFilings.CaptureTarget> target = session.flatMap(s -> state.target(s.id()));
        if (target.isEmpty()) {
            log.info("Document capture {} on {} dropped: no materials screen is waiting for it", captured.eventId(),
                    captured.deviceCode());
            return;
        }
        try {
            applications.addMaterial(target.get().draftId(), target.get().materialIndex(), captured.image(), null,
                    MaterialSource.DOCUMENT_CAMERA);
        } catch (MaterialRejectedException rejected) {
            log.warn("Document capture {} on {} refused: {}", captured.eventId(), captured.deviceCode(), rejected.reason());
        } catch (RuntimeException gone) {
            log.info("Document capture {} on {} dropped: {}", captured.eventId(), captured.deviceCode(), gone.getMessage());
            return;
        }
        events.refresh(captured.deviceCode(), MATERIALS_LIST);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
