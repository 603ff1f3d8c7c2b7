package org.hall24.notifications;

import java.util.Map;

/**
 * Messages to staff, routed by their contacts (docs/notifications.md, "Who gets what"): a contact
 * within the hours they take SMS gets an SMS now; one outside them gets the message in a morning
 * digest by e-mail, and the hall's duty operator is texted instead, so nothing waits unseen all
 * night. Queued in the caller's transaction, as {@link Notifications}.
 */
public interface StaffNotifications {

    /**
     * Tells the audience.
     *
     * @param template the template's key; staff templates are rendered in Chinese
     * @param values a value for each placeholder
     * @return how many contacts were texted now (the rest wait for their digest)
     */
    int notify(StaffAudience audience, String template, Map<String, String> values);
}
