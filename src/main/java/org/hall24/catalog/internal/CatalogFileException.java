package org.hall24.catalog.internal;

import org.jspecify.annotations.Nullable;

/**
 * A catalog data file that cannot be loaded. The message names the file, the item code (when the
 * problem is in an item) and the field, so the person who edited the file can fix it at once.
 */
class CatalogFileException extends RuntimeException {

    CatalogFileException(String file, @Nullable String code, @Nullable String field, String problem) {
        super("Catalog file " + file
                + (code == null ? "" : ", item " + code)
                + (field == null || field.isEmpty() ? "" : ", field " + field)
                + ": " + problem);
    }
}
