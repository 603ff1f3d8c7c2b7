package org.hall24.cabinet.internal;

import java.util.Map;

import org.hall24.cabinet.Reservation;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signs a reservation's QR under the test profile's key {@code k1}, as a node before a key rotation did. */
public final class TestTokens {

    private final JdbcClient jdbc;

    public TestTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String signedWithTestKeyK1(Reservation r) {
        CabinetProperties k1Only = new CabinetProperties("k1",
                Map.of("k1", "9n2cP0b6Jx1m3kVq8Zr5Ht7Yw4Ls0Ue2Ga6Df1Ci3Bo="), java.nio.file.Path.of("target/unused-cabinet-token.key"));
        HmacCabinetTokens before = new HmacCabinetTokens(jdbc, java.time.Clock.systemUTC(), k1Only);
        return before.qrOf(r);
    }
}
