package org.hall24.notifications.web;

import org.hall24.notifications.ContactRole;
import org.hall24.notifications.internal.staff.ContactInput;
import org.hall24.notifications.internal.staff.StaffContact;
import org.jspecify.annotations.Nullable;

/** The contact page's form, as typed; {@link #toInput()} hands it to the checks. */
public class ContactForm {

    private @Nullable String displayName;
    private @Nullable String role = ContactRole.COLLECTOR.name();
    private @Nullable String department;
    private @Nullable String hall;
    private @Nullable String phone;
    private @Nullable String email;
    private @Nullable String smsFrom = "08:30";
    private @Nullable String smsUntil = "18:00";
    private boolean enabled = true;

    static ContactForm blank(@Nullable String hall) {
        ContactForm form = new ContactForm();
        form.hall = hall;
        return form;
    }

    static ContactForm from(StaffContact contact) {
        ContactForm form = new ContactForm();
        form.displayName = contact.displayName();
        form.role = contact.role().name();
        form.department = contact.department();
        form.hall = contact.hall();
        form.phone = contact.phone().value();
        form.email = contact.email() == null ? null : contact.email().value();
        form.smsFrom = contact.hours().fromText();
        form.smsUntil = contact.hours().untilText();
        form.enabled = contact.enabled();
        return form;
    }

    ContactInput toInput() {
        return new ContactInput(displayName, role, department, hall, phone, email, smsFrom, smsUntil, enabled);
    }

    public @Nullable String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName;
    }

    public @Nullable String getRole() {
        return role;
    }

    public void setRole(@Nullable String role) {
        this.role = role;
    }

    public @Nullable String getDepartment() {
        return department;
    }

    public void setDepartment(@Nullable String department) {
        this.department = department;
    }

    public @Nullable String getHall() {
        return hall;
    }

    public void setHall(@Nullable String hall) {
        this.hall = hall;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getSmsFrom() {
        return smsFrom;
    }

    public void setSmsFrom(@Nullable String smsFrom) {
        this.smsFrom = smsFrom;
    }

    public @Nullable String getSmsUntil() {
        return smsUntil;
    }

    public void setSmsUntil(@Nullable String smsUntil) {
        this.smsUntil = smsUntil;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
