package org.hall24.notifications.internal.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hall24.notifications.Channel;
import org.hall24.notifications.ContactRole;
import org.hall24.notifications.Notifications;
import org.hall24.notifications.StaffAudience;
import org.hall24.notifications.StaffNotifications;
import org.hall24.notifications.templates.MessageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes a message to staff by their contacts' hours (docs/notifications.md, "Who gets what"),
 * in the hall's time ({@code hall24.notifications.zone}, from the application's {@link Clock}):
 * <ol>
 * <li>every enabled contact of the audience whose SMS hours hold now is texted now;</li>
 * <li>every other one gets the message in their morning digest ({@code notification_digest_item},
 * the text as admins may see it, one-time codes masked), sent by {@link StaffDigests} once their
 * hours begin;</li>
 * <li>if no one of the audience was texted (all outside their hours, or the audience has no
 * contact), the hall's duty operators within their hours are texted instead, so nothing waits
 * unseen all night — unless the audience is the duty operators themselves.</li>
 * </ol>
 * Staff messages are in Chinese. Everything is queued in the caller's transaction.
 */
@Service
class StaffRouting implements StaffNotifications {

    static final Locale STAFF_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final Logger log = LoggerFactory.getLogger(StaffRouting.class);

    private final StaffContacts contacts;
    private final Notifications notifications;
    private final MessageTemplates templates;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    StaffRouting(StaffContacts contacts, Notifications notifications, MessageTemplates templates, JdbcClient jdbc, Clock clock,
            @Value("${hall24.notifications.zone:Asia/Shanghai}") ZoneId zone) {
        this.contacts = contacts;
        this.notifications = notifications;
        this.templates = templates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    @Transactional
    public int notify(StaffAudience audience, String template, Map<String, String> values) {
        // Rendered first, so an unknown template or wrong values fail the caller whoever is within hours.
        String shown = digestLine(templates.render(template, Channel.SMS, STAFF_LOCALE, values).shownText());
        Instant now = clock.instant();
        LocalTime time = now.atZone(zone).toLocalTime();
        List<StaffContact> later = new ArrayList<>();
        int texted = 0;
        for (StaffContact contact : contacts.audience(audience)) {
            if (contact.hours().contains(time)) {
                notifications.sendSms(contact.phone(), template, values, STAFF_LOCALE);
                texted++;
            }
            else {
                later.add(contact);
            }
        }
        for (StaffContact contact : later) {
            jdbc.sql("""
                    insert into notification_digest_item (id, contact_id, template, text, created_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), contact.id(), template, shown, Timestamp.from(now))
                    .update();
        }
        int instead = 0;
        if (texted == 0 && audience.role() != ContactRole.DUTY_OPERATOR) {
            for (StaffContact operator : contacts.audience(StaffAudience.dutyOperators(audience.hall()))) {
                if (operator.hours().contains(time)) {
                    notifications.sendSms(operator.phone(), template, values, STAFF_LOCALE);
                    instead++;
                }
            }
        }
        if (texted + instead == 0) {
            log.warn("Staff message {} for {} {} of hall {}: no one takes SMS now; {} contact(s) get it in their digest",
                    template, audience.role(), audience.department() == null ? "" : audience.department(), audience.hall(),
                    later.size());
        }
        else {
            log.info("Staff message {} for {} {} of hall {}: {} texted now, {} in their digest{}", template, audience.role(),
                    audience.department() == null ? "" : audience.department(), audience.hall(), texted, later.size(),
                    instead > 0 ? ", " + instead + " duty operator(s) texted instead" : "");
        }
        return texted + instead;
    }

    /** The text as a digest lists it: without the SMS signature ({@code 【九龙坡政务】}) the digest's own subject carries. */
    static String digestLine(String smsText) {
        String text = smsText.strip();
        if (text.startsWith("【")) {
            int end = text.indexOf('】');
            if (end > 0 && end < 20) {
                text = text.substring(end + 1).strip();
            }
        }
        return text;
    }
}
