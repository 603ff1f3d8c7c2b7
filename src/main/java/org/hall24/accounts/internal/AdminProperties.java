package org.hall24.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at the first start when no staff account exists.
 *
 * @param initialPassword the administrator's initial password (environment
 *        {@code HALL24_ADMIN_INITIAL_PASSWORD}); when unset, a random one is generated and printed
 *        once to the log
 */
@ConfigurationProperties("hall24.admin")
record AdminProperties(@Nullable String initialPassword) {

    boolean hasInitialPassword() {
        return initialPassword != null && !initialPassword.isBlank();
    }
}
