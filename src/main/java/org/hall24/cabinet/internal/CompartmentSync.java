package org.hall24.cabinet.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.hall24.device.DeviceType;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, gives every compartment of every file cabinet in the halls' files a row (FREE, size
 * M) if it has none; existing rows keep their state. A compartment a file no longer has is left as
 * it is (it may still hold an envelope) and reported.
 */
@Component
class CompartmentSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CompartmentSync.class);

    private final Halls halls;
    private final JdbcClient jdbc;
    private final Clock clock;

    CompartmentSync(Halls halls, JdbcClient jdbc, Clock clock) {
        this.halls = halls;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Hall hall : halls.all()) {
            for (PlacedDevice device : hall.devices()) {
                if (device.type() != DeviceType.FILE_CABINET || device.cabinet() == null) {
                    continue;
                }
                int added = 0;
                for (int row = 0; row < device.cabinet().rows(); row++) {
                    for (int column = 1; column <= device.cabinet().columns(); column++) {
                        String name = (char) ('A' + row) + Integer.toString(column);
                        added += jdbc.sql("""
                                insert into cabinet_compartment (cabinet_code, name, state, updated_at) values (?, ?, 'FREE', ?)
                                on conflict do nothing""").params(device.code(), name, now).update();
                    }
                }
                int extra = jdbc.sql("select count(*) from cabinet_compartment where cabinet_code = ?").param(device.code())
                        .query(Integer.class).single() - device.cabinet().compartments();
                if (added > 0) {
                    log.info("Cabinet {}: {} compartment(s) added from the hall file", device.code(), added);
                }
                if (extra > 0) {
                    log.warn("Cabinet {}: {} compartment(s) in the database that the hall file no longer has; they are kept", device.code(),
                            extra);
                }
            }
        }
    }
}
