/**
 * Value types shared by every module: localized text, and later the Chinese identifiers
 * (ID number GB 11643, unified social credit code GB 32100, phone) and masked text.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.hall24.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
