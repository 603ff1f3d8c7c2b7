package org.hall24.alerting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hall24.device.DeviceAlert;
import org.hall24.device.DeviceAlertCleared;
import org.hall24.device.DeviceAlertRaised;
import org.hall24.device.DeviceWentOffline;
import org.hall24.device.DeviceWentOnline;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.hall24.notifications.StaffAudience;
import org.hall24.notifications.StaffNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns device events into notices for the hall's duty operator ({@code device-alert},
 * {@code device-alert-resolved}). A fault is told as soon as the check job sees it; a device
 * offline only after {@code hall24.alerting.offline-after} (a restart is not news); the same alert of
 * the same device coming back within the quiet period is told when the period ends, if it is still
 * open; a fault the operator was told of is told again when it clears. Listeners run after the
 * device module's transaction commits and are retried from the event publication registry.
 */
@Component
class OperatorAlerts {

    private static final Logger log = LoggerFactory.getLogger(OperatorAlerts.class);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Incidents incidents;
    private final Halls halls;
    private final StaffNotifications staff;
    private final MessageSource messages;
    private final AlertingProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    OperatorAlerts(Incidents incidents, Halls halls, StaffNotifications staff, MessageSource messages, AlertingProperties properties,
            TransactionTemplate tx, Clock clock) {
        this.incidents = incidents;
        this.halls = halls;
        this.staff = staff;
        this.messages = messages;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DeviceAlertRaised event) {
        if (!properties.enabled() || properties.silent().contains(event.kind())) {
            return;
        }
        placed(event.deviceCode()).ifPresent(device -> incidents.open(device.code(), event.kind().name(), event.detail(), device.hall(),
                event.at(), Duration.ZERO, properties.quietPeriod()));
    }

    @ApplicationModuleListener
    void on(DeviceAlertCleared event) {
        if (!properties.enabled() || properties.silent().contains(event.kind())) {
            return;
        }
        placed(event.deviceCode()).flatMap(device -> incidents.close(device.code(), event.kind().name(), event.detail(), device.hall(),
                event.at())).ifPresent(cleared -> resolved(event.deviceCode(), event.kind().name(), event.detail(), cleared, event.at()));
    }

    @ApplicationModuleListener
    void on(DeviceWentOffline event) {
        if (!properties.enabled() || "maintenance".equals(event.reason())) {
            return;
        }
        placed(event.deviceCode()).ifPresent(device -> incidents.open(device.code(), Incidents.OFFLINE, "", device.hall(), event.at(),
                properties.offlineAfter(), properties.quietPeriod()));
    }

    @ApplicationModuleListener
    void on(DeviceWentOnline event) {
        if (!properties.enabled()) {
            return;
        }
        placed(event.deviceCode()).flatMap(device -> incidents.close(device.code(), Incidents.OFFLINE, "", device.hall(), event.at()))
                .ifPresent(cleared -> resolved(event.deviceCode(), Incidents.OFFLINE, "", cleared, event.at()));
    }

    /** Tells the duty operators of every incident now due; each in its own short transaction with its notices. */
    @Scheduled(fixedDelayString = "${hall24.alerting.check-period:1s}")
    public void tellDue() {
        while (true) {
            Integer told = tx.execute(s -> {
                List<Incidents.Due> due = incidents.claimDue(clock.instant(), 20);
                due.forEach(this::tell);
                return due.size();
            });
            if (told == null || told < 20) {
                return;
            }
        }
    }

    private void tell(Incidents.Due due) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("hall", hallName(due.hall()));
        values.put("device", due.device());
        values.put("location", location(due.device()));
        values.put("alert", alertName(due.alert()));
        values.put("detail", detailName(due.detail()));
        int texted = staff.notify(StaffAudience.dutyOperators(due.hall()), "device-alert", values);
        log.warn("Device alert {} {} {} in hall {}: duty operators told ({} texted now)", due.device(), due.alert(), due.detail(),
                due.hall(), texted);
    }

    private void resolved(String device, String alert, String detail, Incidents.Cleared cleared, Instant at) {
        if (!cleared.told()) {
            log.info("Device alert {} {} {} cleared before the duty operator was told", device, alert, detail);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("hall", hallName(cleared.hall()));
        values.put("device", device);
        values.put("alert", alertName(alert));
        values.put("detail", detailName(detail));
        values.put("duration", duration(Duration.between(cleared.raisedAt(), at)));
        staff.notify(StaffAudience.dutyOperators(cleared.hall()), "device-alert-resolved", values);
        log.info("Device alert {} {} {} cleared: duty operators told", device, alert, detail);
    }

    private Optional<PlacedDevice> placed(String deviceCode) {
        Optional<PlacedDevice> device = halls.device(deviceCode);
        if (device.isEmpty()) {
            log.warn("Device {} is in no hall: its alerts reach no duty operator", deviceCode);
        }
        return device;
    }

    private String hallName(String hallCode) {
        return halls.hall(hallCode).map(Hall::name).map(n -> n.in(ZH)).orElse(hallCode);
    }

    private String location(String deviceCode) {
        return halls.device(deviceCode).map(d -> {
            String zone = halls.hall(d.hall()).flatMap(h -> h.zone(d.zone())).map(z -> z.name().in(ZH)).orElse(d.zone());
            return zone + "·" + d.name().in(ZH);
        }).orElse("—");
    }

    private String alertName(String alert) {
        if (Incidents.OFFLINE.equals(alert)) {
            return messages.getMessage("alerting.offline", new Object[] {duration(properties.offlineAfter())}, ZH);
        }
        return messages.getMessage(DeviceAlert.valueOf(alert).messageKey(), null, alert, ZH);
    }

    /** A peripheral by its Chinese name ({@code printer} → 打印机); a compartment ({@code B3}) as it is. */
    private String detailName(String detail) {
        return detail.isEmpty() ? "" : messages.getMessage("device.peripheral." + detail, null, detail, ZH);
    }

    /** {@code 12分钟}, {@code 1小时5分钟}, {@code 40秒}. */
    static String duration(Duration d) {
        // Rounded to the second: the database keeps microseconds, so a 12-minute fault may read 11:59.9999995.
        d = Duration.ofSeconds(Math.round(d.toMillis() / 1000.0));
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return Math.max(0, d.toSeconds()) + "秒";
        }
        if (minutes < 60) {
            return minutes + "分钟";
        }
        return (minutes / 60) + "小时" + (minutes % 60 == 0 ? "" : (minutes % 60) + "分钟");
    }
}
