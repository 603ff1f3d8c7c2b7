package org.hall24.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hall24.identity.FaceReport;
import org.hall24.identity.FaceVerdict.Outcome;
import org.hall24.simulator.SimulatedDevice;
import org.junit.jupiter.api.Test;

/** The default face policy on reports signed the way the simulator (and a certified module) signs them. */
class SignedReportFaceVerifierTest {

    static final String KEY = "shared-face-key";
    static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8};

    final SignedReportFaceVerifier verifier = new SignedReportFaceVerifier(KEY, 0.80);

    static FaceReport signed(String key, double score, boolean liveness) {
        UUID id = UUID.randomUUID();
        return new FaceReport("JLP-YJP-POL-01", id, score, liveness,
                SimulatedDevice.faceSignature(key, "JLP-YJP-POL-01", id.toString(), score, liveness));
    }

    @Test
    void aSignedLiveReportAtTheThresholdIsAccepted() {
        assertThat(verifier.verify(signed(KEY, 0.80, true), PHOTO).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(verifier.verify(signed(KEY, 0.97, true), PHOTO).accepted()).isTrue();
    }

    @Test
    void aScoreBelowTheThresholdIsRefused() {
        assertThat(verifier.verify(signed(KEY, 0.7999, true), PHOTO).outcome()).isEqualTo(Outcome.BELOW_THRESHOLD);
    }

    @Test
    void aReportWithoutLivenessIsRefusedWhateverItsScore() {
        assertThat(verifier.verify(signed(KEY, 0.99, false), PHOTO).outcome()).isEqualTo(Outcome.NO_LIVENESS);
    }

    @Test
    void aReportSignedWithAnotherKeyOrAlteredOrReplayedUnderAnotherIdIsRefused() {
        assertThat(verifier.verify(signed("other-key", 0.99, true), PHOTO).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);

        FaceReport genuine = signed(KEY, 0.30, true);
        FaceReport raised = new FaceReport(genuine.deviceCode(), genuine.eventId(), 0.99, true, genuine.signature());
        assertThat(verifier.verify(raised, PHOTO).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);

        FaceReport replayed = new FaceReport(genuine.deviceCode(), UUID.randomUUID(), 0.30, true, genuine.signature());
        assertThat(verifier.verify(replayed, PHOTO).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);

        FaceReport otherKiosk = new FaceReport("JLP-YJP-POL-02", genuine.eventId(), 0.30, true, genuine.signature());
        assertThat(verifier.verify(otherKiosk, PHOTO).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);

        assertThat(verifier.verify(new FaceReport("JLP-YJP-POL-01", UUID.randomUUID(), 0.99, true, "not base64!"), PHOTO)
                .outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }
}
