/**
 * Staff accounts (the hall operator, department reviewers and collectors), how they sign in, and
 * which screens each role may open.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform"})
@NullMarked
package org.hall24.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
