package org.hall24.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import org.hall24.shared.ChineseIdNumber;

/**
 * What ties a terminal's report to one kiosk session: a nonce the platform draws when the card is
 * read, and the card it was drawn for. The platform sends both to the kiosk in a {@code face-check}
 * command (docs/device-protocol.md); the kiosk's certified modules sign their reports over them (the
 * face report now, a fingerprint report later), so a report made for one session verifies in no
 * other: not another person's, not the same person's next session, not a session at another kiosk.
 * It is not a secret (it travels to the kiosk): a report is trusted for the key that signs it, and
 * bound to the session by this.
 *
 * @param nonce 32 lower-case hex digits (128 random bits), drawn once per session
 * @param cardHash {@link #cardHash(String)} of the ID number on the card the session is for
 */
public record SessionChallenge(String nonce, String cardHash) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** A fresh challenge for a session of the person with this ID number. */
    public static SessionChallenge issue(ChineseIdNumber idNumber) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return new SessionChallenge(HEX.formatHex(nonce), cardHash(idNumber.value()));
    }

    /**
     * The card's identity in a report: SHA-256 over the UTF-8 bytes of the ID number in upper case
     * (a final {@code x} as {@code X}), as 64 lower-case hex digits. Derived from personal data: it is
     * never logged or stored.
     */
    public static String cardHash(String idNumber) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Whether a report claims to be made for this session. */
    public boolean matches(String reportedNonce, String reportedCardHash) {
        return nonce.equals(reportedNonce) && cardHash.equals(reportedCardHash);
    }

    @Override
    public String toString() {
        return "SessionChallenge[nonce=" + nonce + "]";
    }
}
