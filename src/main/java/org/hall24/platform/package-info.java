/**
 * Technical infrastructure every module runs on: the embedded PostgreSQL default, the UI
 * language (zh-CN first, English second), and RFC 9457 problem details for the API.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.hall24.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
