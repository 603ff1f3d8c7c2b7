package org.hall24.cabinet.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hall24.cabinet.doors.*}: how the platform drives compartment doors and the screens beside them.
 *
 * @param openTimeout how long an {@code open-compartment} command waits for the cabinet's reply
 * @param openingGiveUp a door that neither replied nor reported open after this is given up (the token is usable again)
 * @param sensorWait a closed door whose item sensor has not reported after this puts the compartment out of order (sensor fault)
 * @param retryGrace how long a token stays usable again after a deposit the sensor did not see (closed empty, door failed)
 * @param refusalsPerScreen wrong, expired or used tokens a cabinet screen may present per {@code refusalWindow} before it pauses
 * @param collectWithin a deposit not collected within this alerts the department's collectors (and again each period)
 * @param staffIdle a staff member signed in at a cabinet screen is signed out after this without a tap
 * @param closeReminder an open door's screen asks to close it after this (the operator's alert comes from {@code hall24.devices.door-open-alert-after})
 * @param check how often stale cycles, overdue deposits and idle staff sessions are looked for
 */
@ConfigurationProperties("hall24.cabinet.doors")
record DoorProperties(@DefaultValue("10s") Duration openTimeout, @DefaultValue("30s") Duration openingGiveUp,
        @DefaultValue("30s") Duration sensorWait, @DefaultValue("10m") Duration retryGrace, @DefaultValue("5") int refusalsPerScreen,
        @DefaultValue("5m") Duration refusalWindow, @DefaultValue("8h") Duration collectWithin, @DefaultValue("3m") Duration staffIdle,
        @DefaultValue("30s") Duration closeReminder, @DefaultValue("5s") Duration check) {
}
