/**
 * Value types shared by every module: localized text, the Chinese identifiers (resident ID
 * number GB 11643, unified social credit code GB 32100, mobile number) and their masking.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.hall24.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
