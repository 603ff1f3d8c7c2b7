/**
 * Notifications: text messages to citizens and staff, rendered from message templates (zh-CN,
 * English) and queued in an outbox that a dispatcher hands to the configured provider, with
 * retries and delivery states. The default provider only logs, so admins read the outbox.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform"})
@NullMarked
package org.hall24.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
