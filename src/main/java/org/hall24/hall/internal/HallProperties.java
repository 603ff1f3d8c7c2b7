package org.hall24.hall.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location where the halls' files are ({@code <location>/*.yaml}); classpath or file; several
 *        folders separated by commas
 * @param defaultHall the hall {@code /guide} opens on; the first configured one when unset
 */
@ConfigurationProperties("hall24.halls")
record HallProperties(String location, @Nullable String defaultHall) {

    HallProperties {
        if (location == null || location.isBlank()) {
            location = "classpath:halls";
        }
    }
}
