/**
 * Identity at a kiosk: a session starts when the kiosk's card reader reads an ID card, the face
 * check applies the platform's policy to the terminal's report (through {@link org.hall24.identity.FaceVerifier}),
 * a staff-assisted check is the fallback, the phone number is verified by an SMS code, and
 * inactivity ends the session and forgets everything personal.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "device", "notifications"})
@NullMarked
package org.hall24.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
