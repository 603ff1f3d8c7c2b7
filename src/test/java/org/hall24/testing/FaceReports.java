package org.hall24.testing;

import java.time.Instant;
import java.util.UUID;

import org.hall24.device.FaceChecked;
import org.hall24.identity.KioskSession;
import org.hall24.identity.SessionChallenge;
import org.hall24.simulator.SimulatedFaceModule;

/**
 * Face reports as a kiosk's certified face module makes them (docs/device-protocol.md,
 * {@code face-checked}), as the device gateway publishes them: signed over a session's nonce and
 * card with {@link SimulatedFaceModule#signature}.
 */
public final class FaceReports {

    private FaceReports() {
    }

    /** A report for this session, signed with {@code key}, under a new event id. */
    public static FaceChecked signed(String key, KioskSession session, double score, boolean liveness) {
        return signed(key, session.deviceCode(), session.challenge(), score, liveness);
    }

    /** A report from {@code device} made for {@code challenge}, signed with {@code key}, under a new event id. */
    public static FaceChecked signed(String key, String device, SessionChallenge challenge, double score, boolean liveness) {
        UUID id = UUID.randomUUID();
        return new FaceChecked(device, id, Instant.now(), challenge.nonce(), challenge.cardHash(), score, liveness,
                SimulatedFaceModule.signature(key, device, id.toString(), challenge.nonce(), challenge.cardHash(), score,
                        liveness));
    }
}
