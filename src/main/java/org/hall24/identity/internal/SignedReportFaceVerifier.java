package org.hall24.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hall24.identity.FaceReport;
import org.hall24.identity.FaceVerdict;
import org.hall24.identity.FaceVerifier;
import org.hall24.identity.SessionChallenge;

/**
 * The default face policy: the terminal's certified module compares the face with the card photo;
 * the platform checks, in this order, that the report is signed at all ({@code UNSIGNED}), that it
 * is signed by a module holding the shared key (HMAC-SHA-256 over {@link FaceReport#signedText()},
 * base64; {@code BAD_SIGNATURE}), that it was made for this session's nonce and card
 * ({@code OTHER_SESSION}), that the face was judged live, and that the score reaches the threshold.
 * The signature is checked over what the report says it was made for, so a genuine report for
 * another session is told from a forged one; either way only a report for this session can pass.
 * Thread-safe.
 */
public final class SignedReportFaceVerifier implements FaceVerifier {

    private final SecretKeySpec key;
    private final double threshold;

    public SignedReportFaceVerifier(String reportKey, double threshold) {
        if (reportKey.isBlank()) {
            throw new IllegalArgumentException("hall24.identity.face.report-key must not be blank");
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("hall24.identity.face.threshold must be in (0, 1], not " + threshold);
        }
        this.key = new SecretKeySpec(reportKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.threshold = threshold;
    }

    @Override
    public FaceVerdict verify(FaceReport report, SessionChallenge session, byte[] cardPhoto) {
        if (report.signature().isBlank()) {
            return new FaceVerdict(FaceVerdict.Outcome.UNSIGNED);
        }
        if (!signedByTrustedModule(report)) {
            return new FaceVerdict(FaceVerdict.Outcome.BAD_SIGNATURE);
        }
        if (!session.matches(report.nonce(), report.cardHash())) {
            return new FaceVerdict(FaceVerdict.Outcome.OTHER_SESSION);
        }
        if (!report.liveness()) {
            return new FaceVerdict(FaceVerdict.Outcome.NO_LIVENESS);
        }
        if (!(report.score() >= threshold)) {
            return new FaceVerdict(FaceVerdict.Outcome.BELOW_THRESHOLD);
        }
        return FaceVerdict.ACCEPTED;
    }

    public double threshold() {
        return threshold;
    }

    private boolean signedByTrustedModule(FaceReport report) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(report.signature().strip());
        }
        catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(report.signedText()), given);
    }

    byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
