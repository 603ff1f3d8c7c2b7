package org.hall24.notifications.internal.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The morning digest: every {@code hall24.notifications.digest.period} (default 1 min; its own
 * scheduler thread, {@link StaffDigestSchedule}), each enabled contact whose SMS hours have begun and who has messages waiting
 * gets them in one e-mail ({@code staff-digest}: {@code name}, {@code count}, {@code items}, a line
 * per message with its local time), in Chinese. A contact without an e-mail address gets one SMS
 * instead ({@code staff-digest-sms}: the same placeholders, at most {@value #SMS_ITEMS} messages
 * listed and how many more). The message is queued and the items marked digested in one
 * transaction per contact, which first claims the contact ({@code FOR NO KEY UPDATE SKIP LOCKED}),
 * so two runs — on one node or two — never send a contact's digest twice. Digested items are
 * deleted after {@code hall24.notifications.digest.keep} (default 30 days).
 */
@Component
class StaffDigests {

    static final String EMAIL_TEMPLATE = "staff-digest";
    static final String SMS_TEMPLATE = "staff-digest-sms";
    static final int SMS_ITEMS = 3;
    private static final int BATCH = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private static final Logger log = LoggerFactory.getLogger(StaffDigests.class);

    private final JdbcClient jdbc;
    private final StaffContacts contacts;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration keep;

    StaffDigests(JdbcClient jdbc, StaffContacts contacts, Notifications notifications, TransactionTemplate tx, Clock clock,
            @Value("${hall24.notifications.zone:Asia/Shanghai}") ZoneId zone,
            @Value("${hall24.notifications.digest.keep:30d}") Duration keep) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.keep = keep;
    }

    /** One run of the job ({@link StaffDigestSchedule}): the digests that are due, then the purge. */
    void run() {
        send();
        purge();
    }

    /** Sends every digest that is due now; answers how many were sent. */
    int send() {
        List<UUID> waiting = jdbc.sql("""
                select distinct i.contact_id from notification_digest_item i join notification_contact c on c.id = i.contact_id
                where i.digested_at is null and c.enabled limit ?""")
                .param(BATCH)
                .query(UUID.class)
                .list();
        int sent = 0;
        for (UUID contact : waiting) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> sendTo(contact)))) {
                    sent++;
                }
            }
            catch (RuntimeException e) {
                log.warn("Digest for staff contact {} not sent; its messages wait for the next run: {}", contact, e.toString());
            }
        }
        return sent;
    }

    private boolean sendTo(UUID id) {
        Optional<StaffContact> claimed = contacts.claim(id);
        Instant now = clock.instant();
        if (claimed.isEmpty() || !claimed.get().hours().contains(now.atZone(zone).toLocalTime())) {
            return false;
        }
        StaffContact contact = claimed.get();
        record Item(UUID id, String text, Instant createdAt) {
        }
        List<Item> items = jdbc.sql("""
                select id, text, created_at from notification_digest_item
                where contact_id = ? and digested_at is null order by created_at, id for update""")
                .param(id)
                .query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list();
        if (items.isEmpty()) {
            return false;
        }
        List<String> lines = items.stream().map(i -> WHEN.format(i.createdAt().atZone(zone)) + " " + i.text()).toList();
        UUID message;
        if (contact.email() != null) {
            message = notifications.sendEmail(contact.email(), EMAIL_TEMPLATE, values(contact, lines, numbered(lines)),
                    StaffRouting.STAFF_LOCALE);
        }
        else {
            message = notifications.sendSms(contact.phone(), SMS_TEMPLATE, values(contact, lines, shortList(lines)),
                    StaffRouting.STAFF_LOCALE);
        }
        jdbc.sql("update notification_digest_item set digested_at = :now where id in (:ids)")
                .param("now", Timestamp.from(now))
                .param("ids", items.stream().map(Item::id).toList())
                .update();
        log.info("Digest of {} message(s) for staff contact {} queued as {} ({})", items.size(), contact.id(), message,
                contact.email() != null ? "e-mail" : "SMS, the contact has no e-mail address");
        return true;
    }

    private static Map<String, String> values(StaffContact contact, List<String> lines, String items) {
        return Map.of("name", contact.displayName(), "count", Integer.toString(lines.size()), "items", items);
    }

    /** {@code 1. 12-04 03:12 申办件…}, a line each. */
    static String numbered(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
        }
        return text.toString();
    }

    /** The first {@value #SMS_ITEMS} lines, separated by {@code ；}, and how many more there are. */
    static String shortList(List<String> lines) {
        String shown = String.join("；", lines.subList(0, Math.min(SMS_ITEMS, lines.size())));
        return lines.size() > SMS_ITEMS ? shown + "；另有" + (lines.size() - SMS_ITEMS) + "条未列出" : shown;
    }

    /** Deletes digested items older than the retention period. */
    int purge() {
        int deleted = jdbc.sql("delete from notification_digest_item where digested_at < ?")
                .param(Timestamp.from(clock.instant().minus(keep)))
                .update();
        if (deleted > 0) {
            log.info("Deleted {} digested staff message(s) older than {}", deleted, keep);
        }
        return deleted;
    }
}
