package org.hall24.catalog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location where the catalog's data files are: {@code categories.yaml} and
 *        {@code items/*.yaml}; a classpath or file location
 */
@ConfigurationProperties("hall24.catalog")
record CatalogProperties(String location) {

    CatalogProperties {
        if (location == null || location.isBlank()) {
            location = "classpath:catalog";
        }
    }
}
