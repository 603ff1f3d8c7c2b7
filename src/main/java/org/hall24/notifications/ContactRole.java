package org.hall24.notifications;

/** What a staff contact is told about. */
public enum ContactRole {
    /** Collects deposited paper from the cabinet for a department (收件人). */
    COLLECTOR,
    /** Reviews and decides a department's filings (审核人). */
    REVIEWER,
    /** The hall's operator on duty (值班员): device alerts, and what no one else may be texted at night. */
    DUTY_OPERATOR;

    public String messageKey() {
        return "notifications.role." + name();
    }
}
