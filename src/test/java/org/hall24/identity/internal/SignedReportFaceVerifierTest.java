package org.hall24.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hall24.identity.FaceReport;
import org.hall24.identity.FaceVerdict.Outcome;
import org.hall24.identity.SessionChallenge;
import org.hall24.shared.ChineseIdNumber;
import org.hall24.simulator.SimulatedFaceModule;
import org.junit.jupiter.api.Test;

/**
 * The default face policy on reports signed the way the simulator (and a certified module) signs
 * them: over the session's nonce and card, so a genuine report verifies for its own session only.
 */
class SignedReportFaceVerifierTest {

    static final String KEY = "shared-face-key";
    static final String KIOSK = "JLP-YJP-POL-01";
    static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8};
    static final ChineseIdNumber CARD = ChineseIdNumber.of("11010519491231002x");
    static final ChineseIdNumber OTHER_CARD = ChineseIdNumber.of("110105194912310038");

    final SignedReportFaceVerifier verifier = new SignedReportFaceVerifier(KEY, 0.80);
    final SessionChallenge session = SessionChallenge.issue(CARD);

    static FaceReport signed(String key, String device, SessionChallenge challenge, double score, boolean liveness) {
        UUID id = UUID.randomUUID();
        return new FaceReport(device, id, challenge.nonce(), challenge.cardHash(), score, liveness,
                SimulatedFaceModule.signature(key, device, id.toString(), challenge.nonce(), challenge.cardHash(), score, liveness));
    }

    FaceReport signed(double score, boolean liveness) {
        return signed(KEY, KIOSK, session, score, liveness);
    }

    @Test
    void aSignedLiveReportForThisSessionAtTheThresholdIsAccepted() {
        assertThat(verifier.verify(signed(0.80, true), session, PHOTO).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(verifier.verify(signed(0.97, true), session, PHOTO).accepted()).isTrue();
    }

    @Test
    void aScoreBelowTheThresholdIsRefused() {
        assertThat(verifier.verify(signed(0.7999, true), session, PHOTO).outcome()).isEqualTo(Outcome.BELOW_THRESHOLD);
    }

    @Test
    void aReportWithoutLivenessIsRefusedWhateverItsScore() {
        assertThat(verifier.verify(signed(0.99, false), session, PHOTO).outcome()).isEqualTo(Outcome.NO_LIVENESS);
    }

    @Test
    void aReportSignedWithAnotherKeyOrAlteredInAnyPartIsRefusedAsABadSignature() {
        assertThat(verifier.verify(signed("other-key", KIOSK, session, 0.99, true), session, PHOTO).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);

        FaceReport genuine = signed(0.30, true);
        assertThat(verifier.verify(new FaceReport(KIOSK, genuine.eventId(), genuine.nonce(), genuine.cardHash(), 0.99, true,
                genuine.signature()), session, PHOTO).outcome()).as("score raised").isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verifier.verify(new FaceReport(KIOSK, UUID.randomUUID(), genuine.nonce(), genuine.cardHash(), 0.30, true,
                genuine.signature()), session, PHOTO).outcome()).as("another event id").isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verifier.verify(new FaceReport("JLP-YJP-POL-02", genuine.eventId(), genuine.nonce(), genuine.cardHash(), 0.30,
                true, genuine.signature()), session, PHOTO).outcome()).as("another kiosk").isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verifier.verify(new FaceReport(KIOSK, UUID.randomUUID(), session.nonce(), session.cardHash(), 0.99, true,
                "not base64!"), session, PHOTO).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);

        FaceReport forOtherSession = signed(KEY, KIOSK, SessionChallenge.issue(OTHER_CARD), 0.97, true);
        assertThat(verifier.verify(new FaceReport(KIOSK, forOtherSession.eventId(), session.nonce(), session.cardHash(), 0.97,
                true, forOtherSession.signature()), session, PHOTO).outcome())
                .as("another session's report relabelled with this session's nonce and card").isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void anUnsignedReportIsRefusedAsUnsigned() {
        assertThat(verifier.verify(new FaceReport(KIOSK, UUID.randomUUID(), session.nonce(), session.cardHash(), 0.99, true, ""),
                session, PHOTO).outcome()).isEqualTo(Outcome.UNSIGNED);
        assertThat(verifier.verify(new FaceReport(KIOSK, UUID.randomUUID(), session.nonce(), session.cardHash(), 0.99, true, "  "),
                session, PHOTO).outcome()).isEqualTo(Outcome.UNSIGNED);
    }

    @Test
    void aGenuineReportMadeForAnotherSessionIsRefusedWhateverItsScore() {
        SessionChallenge sameCardEarlier = SessionChallenge.issue(CARD);
        assertThat(sameCardEarlier.nonce()).isNotEqualTo(session.nonce());
        assertThat(verifier.verify(signed(KEY, KIOSK, sameCardEarlier, 0.99, true), session, PHOTO).outcome())
                .as("the same card's earlier session").isEqualTo(Outcome.OTHER_SESSION);
        assertThat(verifier.verify(signed(KEY, KIOSK, SessionChallenge.issue(OTHER_CARD), 0.99, true), session, PHOTO).outcome())
                .as("another card's session").isEqualTo(Outcome.OTHER_SESSION);
        SessionChallenge thisNonceOtherCard = new SessionChallenge(session.nonce(), SessionChallenge.cardHash(OTHER_CARD.value()));
        assertThat(verifier.verify(signed(KEY, KIOSK, thisNonceOtherCard, 0.99, true), session, PHOTO).outcome())
                .as("this nonce, compared against another card").isEqualTo(Outcome.OTHER_SESSION);
    }

    @Test
    void theSignedTextAndTheCardHashAreThoseOfTheProtocol() {
        assertThat(SessionChallenge.cardHash("11010519491231002x"))
                .isEqualTo("426695a0efdb59b9eaedaf0b5ca3eddf013cc2a7f9e283437704ea605f421e6d")
                .isEqualTo(session.cardHash())
                .isEqualTo(SimulatedFaceModule.cardHash("11010519491231002X"));
        assertThat(session.nonce()).matches("[0-9a-f]{32}");
        UUID id = UUID.fromString("5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f");
        FaceReport report = new FaceReport(KIOSK, id, "00112233445566778899aabbccddeeff", session.cardHash(), 0.93, true, "s");
        assertThat(report.signedText()).isEqualTo("face-checked|JLP-YJP-POL-01|5f0c2b4e-1b8e-4e0a-9a59-0c8c7c1d2e3f|"
                + "00112233445566778899aabbccddeeff|426695a0efdb59b9eaedaf0b5ca3eddf013cc2a7f9e283437704ea605f421e6d|0.93|true");
        assertThat(report.toString()).doesNotContain(session.cardHash());
    }
}
