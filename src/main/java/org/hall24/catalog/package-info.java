/**
 * The service catalog (事项目录): service items with their materials, time limits, fees, scope,
 * forms and the device types that handle them; versions (a filing pins the version it was filed
 * under); search by Chinese text, pinyin initials and full pinyin.
 */
@ApplicationModule(allowedDependencies = {"shared", "device", "platform"})
@NullMarked
package org.hall24.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
