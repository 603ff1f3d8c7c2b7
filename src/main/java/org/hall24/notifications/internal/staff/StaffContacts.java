package org.hall24.notifications.internal.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hall24.notifications.ContactRole;
import org.hall24.notifications.StaffAudience;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.shared.EmailAddress;
import org.hall24.shared.Masking;
import org.hall24.shared.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff contacts ({@code notification_contact}): who is told what, on which phone and address,
 * in which hours. Phone and e-mail are stored encrypted ({@link PersonalDataCipher}) beside a
 * masked copy, which is all lists read. Every change is logged at INFO with the admin who made it
 * (the audit module depends on others, not the other way round); the log names the contact by id,
 * role and masked name, never by phone or address.
 */
@Service
public class StaffContacts {

    private static final Logger log = LoggerFactory.getLogger(StaffContacts.class);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    StaffContacts(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Every contact, masked, by hall, role, department and name. */
    public List<ContactView> list() {
        return jdbc.sql("""
                select c.*, (select count(*) from notification_digest_item i where i.contact_id = c.id and i.digested_at is null) as waiting
                from notification_contact c
                order by c.hall, case c.role when 'DUTY_OPERATOR' then 0 when 'COLLECTOR' then 1 else 2 end, c.department, c.display_name, c.id""")
                .query((rs, n) -> view(rs))
                .list();
    }

    /** One contact, masked. */
    public Optional<ContactView> view(UUID id) {
        return jdbc.sql("""
                select c.*, (select count(*) from notification_digest_item i where i.contact_id = c.id and i.digested_at is null) as waiting
                from notification_contact c where c.id = ?""")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** One contact, decrypted: for the edit form and for sending. */
    public Optional<StaffContact> find(UUID id) {
        return jdbc.sql("select * from notification_contact where id = ?").param(id).query((rs, n) -> contact(rs)).optional();
    }

    /** The enabled contacts a message for the audience goes to: its role of its department in its hall, or the hall's duty operators. */
    public List<StaffContact> audience(StaffAudience audience) {
        if (audience.role() == ContactRole.DUTY_OPERATOR || audience.department() == null) {
            return jdbc.sql("select * from notification_contact where enabled and hall = ? and role = ? order by display_name, id")
                    .params(audience.hall(), audience.role().name())
                    .query((rs, n) -> contact(rs))
                    .list();
        }
        return jdbc.sql("""
                select * from notification_contact where enabled and hall = ? and role = ? and department = ? order by display_name, id""")
                .params(audience.hall(), audience.role().name(), audience.department())
                .query((rs, n) -> contact(rs))
                .list();
    }

    /**
     * Locks an enabled contact for the rest of the caller's transaction, for sending its digest:
     * empty if it is disabled, gone, or locked by another digest run (on this node or another), which
     * is skipped rather than waited for. {@code FOR NO KEY UPDATE} leaves new digest items free to
     * reference the contact meanwhile.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<StaffContact> claim(UUID id) {
        return jdbc.sql("select * from notification_contact where id = ? and enabled for no key update skip locked")
                .param(id)
                .query((rs, n) -> contact(rs))
                .optional();
    }

    public int count() {
        return jdbc.sql("select count(*) from notification_contact").query(Integer.class).single();
    }

    /**
     * Adds a contact.
     *
     * @throws InvalidContactException naming every field that is wrong; nothing is saved
     */
    @Transactional
    public UUID create(ContactInput input, String by) {
        ContactInput.Details details = checked(input);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notification_contact (id, display_name, role, department, hall, phone, phone_masked, email, email_masked,
                    sms_from, sms_until, enabled, updated_at, updated_by)
                values (:id, :name, :role, :department, :hall, :phone, :phoneMasked, :email, :emailMasked, :from, :until, :enabled, :at, :by)""")
                .params(parameters(id, details, by))
                .update();
        log.info("Staff contact {} ({} {} {}, {}) added by {}", id, details.role(), department(details.department()), details.hall(),
                Masking.name(details.displayName()), by);
        return id;
    }

    /**
     * Replaces a contact's details.
     *
     * @return false if there is no such contact
     * @throws InvalidContactException naming every field that is wrong; nothing is saved
     */
    @Transactional
    public boolean update(UUID id, ContactInput input, String by) {
        ContactInput.Details details = checked(input);
        int updated = jdbc.sql("""
                update notification_contact set display_name = :name, role = :role, department = :department, hall = :hall,
                    phone = :phone, phone_masked = :phoneMasked, email = :email, email_masked = :emailMasked,
                    sms_from = :from, sms_until = :until, enabled = :enabled, updated_at = :at, updated_by = :by
                where id = :id""")
                .params(parameters(id, details, by))
                .update();
        if (updated > 0) {
            log.info("Staff contact {} ({} {} {}, {}, SMS {}, {}) changed by {}", id, details.role(), department(details.department()),
                    details.hall(), Masking.name(details.displayName()), details.hours(), details.enabled() ? "enabled" : "disabled", by);
        }
        return updated > 0;
    }

    /**
     * Turns a contact on or off; a disabled contact is told nothing, and its waiting digest stays until it is enabled again.
     *
     * @return false if there is no such contact
     */
    @Transactional
    public boolean setEnabled(UUID id, boolean enabled, String by) {
        int updated = jdbc.sql("update notification_contact set enabled = ?, updated_at = ?, updated_by = ? where id = ?")
                .params(enabled, Timestamp.from(clock.instant()), by, id)
                .update();
        if (updated > 0) {
            log.info("Staff contact {} {} by {}", id, enabled ? "enabled" : "disabled", by);
        }
        return updated > 0;
    }

    private static ContactInput.Details checked(ContactInput input) {
        ContactInput.Checked checked = input.check();
        if (!checked.ok()) {
            throw new InvalidContactException(checked.violations());
        }
        return checked.details();
    }

    private Map<String, @Nullable Object> parameters(UUID id, ContactInput.Details d, String by) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("id", id);
        values.put("name", d.displayName());
        values.put("role", d.role().name());
        values.put("department", d.role() == ContactRole.DUTY_OPERATOR ? null : d.department());
        values.put("hall", d.hall());
        values.put("phone", cipher.encrypt(d.phone().value()));
        values.put("phoneMasked", d.phone().masked());
        values.put("email", d.email() == null ? null : cipher.encrypt(d.email().value()));
        values.put("emailMasked", d.email() == null ? null : d.email().masked());
        values.put("from", d.hours().from());
        values.put("until", d.hours().until());
        values.put("enabled", d.enabled());
        values.put("at", Timestamp.from(clock.instant()));
        values.put("by", by);
        return values;
    }

    private static String department(@Nullable String code) {
        return code == null ? "-" : code;
    }

    private StaffContact contact(ResultSet rs) throws SQLException {
        String email = rs.getString("email");
        return new StaffContact(rs.getObject("id", UUID.class), rs.getString("display_name"), ContactRole.valueOf(rs.getString("role")),
                rs.getString("department"), rs.getString("hall"), new MobileNumber(cipher.decrypt(rs.getString("phone"))),
                email == null ? null : new EmailAddress(cipher.decrypt(email)), hours(rs), rs.getBoolean("enabled"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static ContactView view(ResultSet rs) throws SQLException {
        SmsHours hours = hours(rs);
        return new ContactView(rs.getObject("id", UUID.class), rs.getString("display_name"), ContactRole.valueOf(rs.getString("role")),
                rs.getString("department"), rs.getString("hall"), rs.getString("phone_masked"), rs.getString("email_masked"),
                hours.fromText(), hours.untilText(), rs.getBoolean("enabled"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"), rs.getInt("waiting"));
    }

    private static SmsHours hours(ResultSet rs) throws SQLException {
        return new SmsHours(rs.getObject("sms_from", LocalTime.class), rs.getObject("sms_until", LocalTime.class));
    }
}
