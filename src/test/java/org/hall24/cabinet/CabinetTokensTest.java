package org.hall24.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hall24.Hall24IntegrationTest;
import org.hall24.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reservation's QR code and short code open its compartment once; a forged, altered, expired,
 * replayed or foreign token is refused. Tokens signed under a previous key id stay valid while that
 * key is configured.
 */
@Hall24IntegrationTest(properties = {"hall24.embedded-db.data-dir=target/test-pg/cabinet-${random.uuid}",
        "hall24.cabinet.token-key-id=k2", "hall24.cabinet.token-keys.k2=Zq4bH8mN2vR6tY0wX3cA5dF7gJ9kL1pS2uE4iO6rT8Q="})
@Import(MutableClock.Configuration.class)
class CabinetTokensTest {

    static final String CABINET = "JLP-YJP-CAB-01";

    @Autowired
    Cabinets cabinets;

    @Autowired
    CabinetTokens tokens;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void emptyTheCabinet() {
        jdbc.sql("update cabinet_reservation set state = 'CANCELLED' where state = 'ACTIVE'").update();
        jdbc.sql("update cabinet_compartment set state = 'FREE', reservation_id = null, reserved_until = null").update();
    }

    CabinetTokens.Issued issued(String subject) {
        return tokens.issue(cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, subject, "JLPGJJ", "M", Duration.ofHours(24)).orElseThrow());
    }

    static CabinetTokens.Reason refused(CabinetTokens.Redeemed redeemed) {
        assertThat(redeemed).isInstanceOf(CabinetTokens.Refused.class);
        return ((CabinetTokens.Refused) redeemed).reason();
    }

    @Test
    void theQrOpensItsCompartmentOnceAndAReplayIsRefused() {
        CabinetTokens.Issued token = issued("JLP-T1");
        assertThat(token.qr()).startsWith("H24C1.k2.");
        assertThat(token.shortCode()).matches("\\d{8}");

        CabinetTokens.Redeemed first = tokens.redeem(CABINET, token.qr(), "screen:test");
        assertThat(first).isInstanceOfSatisfying(CabinetTokens.Opened.class, opened -> {
            assertThat(opened.reservation().subject()).isEqualTo("JLP-T1");
            assertThat(opened.reservation().compartment()).isEqualTo("A1");
        });
        assertThat(refused(tokens.redeem(CABINET, token.qr(), "screen:test"))).isEqualTo(CabinetTokens.Reason.USED);
        assertThat(refused(tokens.redeem(CABINET, token.shortCode(), "screen:test"))).as("its short code is used up too")
                .isEqualTo(CabinetTokens.Reason.USED);
    }

    @Test
    void theShortCodeOpensItsCompartmentOnce() {
        CabinetTokens.Issued token = issued("JLP-T2");
        assertThat(tokens.redeem(CABINET, " " + token.shortCode() + " ", "screen:test")).isInstanceOf(CabinetTokens.Opened.class);
        assertThat(refused(tokens.redeem(CABINET, token.shortCode(), "screen:test"))).isEqualTo(CabinetTokens.Reason.USED);
        assertThat(jdbc.sql("select count(*) from cabinet_reservation where short_code_hash like ?").param("%" + token.shortCode() + "%")
                .query(Integer.class).single()).as("the code is stored only as a keyed hash").isZero();
    }

    @Test
    void aTokenWithAnAlteredSignatureReservationOrKeyIsForged() {
        CabinetTokens.Issued token = issued("JLP-T3");
        String[] parts = token.qr().split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[3]);
        signature[0] ^= 1;
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        String otherKey = parts[0] + ".k9." + parts[2] + "." + parts[3];
        String oldKey = parts[0] + ".k1." + parts[2] + "." + parts[3];

        for (String forged : List.of(badSignature, otherKey, oldKey, "H24C1.k2.bm90LWEtdG9rZW4.xx", "H24C1", "hello", "1234567", "00000000")) {
            assertThat(refused(tokens.redeem(CABINET, forged, "screen:test"))).as(forged).isEqualTo(CabinetTokens.Reason.FORGED);
        }
        assertThat(tokens.redeem(CABINET, token.qr(), "screen:test")).as("the genuine one still opens").isInstanceOf(CabinetTokens.Opened.class);
    }

    @Test
    void aTokenSignedUnderTheOlderKeyIdStillOpensWhileThatKeyIsConfigured() {
        Reservation r = cabinets.reserve(CABINET, Reservation.Purpose.DEPOSIT, "JLP-T4", "JLPGJJ", "M", Duration.ofHours(24)).orElseThrow();
        CabinetTokens.Issued token = tokens.issue(r);
        // Re-sign the same reservation under k1 (the test profile's key): what a token issued before the rotation looks like.
        String k1 = new org.hall24.cabinet.internal.TestTokens(jdbc).signedWithTestKeyK1(r);
        assertThat(token.qr()).contains(".k2.");
        assertThat(tokens.redeem(CABINET, k1, "screen:test")).isInstanceOf(CabinetTokens.Opened.class);
    }

    @Test
    void anExpiredTokenIsRefusedAndAForeignCabinetsToo() {
        CabinetTokens.Issued token = issued("JLP-T5");
        assertThat(refused(tokens.redeem("JLP-YJP-CAB-99", token.qr(), "screen:test"))).isEqualTo(CabinetTokens.Reason.WRONG_CABINET);
        clock.advance(Duration.ofHours(25));
        assertThat(refused(tokens.redeem(CABINET, token.qr(), "screen:test"))).isEqualTo(CabinetTokens.Reason.EXPIRED);
    }

    @Test
    void aTokenPresentedAtTwoScreensAtOnceOpensOnce() throws Exception {
        CabinetTokens.Issued token = issued("JLP-T6");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService screens = Executors.newFixedThreadPool(2);
        List<Future<CabinetTokens.Redeemed>> outcomes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String by = "screen:" + i;
            outcomes.add(screens.submit(() -> {
                start.await();
                return tokens.redeem(CABINET, token.qr(), by);
            }));
        }
        start.countDown();
        List<CabinetTokens.Redeemed> results = new ArrayList<>();
        for (Future<CabinetTokens.Redeemed> f : outcomes) {
            results.add(f.get());
        }
        screens.shutdown();
        assertThat(results).filteredOn(r -> r instanceof CabinetTokens.Opened).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof CabinetTokens.Refused refusedOne && refusedOne.reason() == CabinetTokens.Reason.USED)
                .hasSize(1);
    }
}
