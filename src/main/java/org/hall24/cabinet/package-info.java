/**
 * The smart file cabinet (智能文件柜): its compartments and their states, reservations for a
 * deposit or a pickup, and the signed single-use tokens (QR and short code) that open a reserved
 * compartment. Door events, custody and the cabinet screen build on these (issue 11).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "hall", "device", "catalog", "notifications", "accounts"})
@NullMarked
package org.hall24.cabinet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
