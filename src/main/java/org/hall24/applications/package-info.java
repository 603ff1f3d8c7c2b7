/**
 * Applications (申办): the form generated from the item's schema and validated again on the server,
 * materials, idempotent submission, filing numbers, the lifecycle state machine with its history,
 * receipts (PDF with a QR code to the progress page) and the public progress lookup.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "catalog", "hall", "notifications", "cabinet"})
@NullMarked
package org.hall24.applications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
