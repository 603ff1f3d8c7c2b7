package org.hall24.hall.internal;

import org.jspecify.annotations.Nullable;

/** A hall configuration file that cannot be loaded; the message says where and why. */
class HallFileException extends RuntimeException {

    HallFileException(String file, @Nullable String where, @Nullable String field, String problem) {
        super("Hall file " + file + (where == null ? "" : ", " + where)
                + (field == null || field.isEmpty() ? "" : ", field " + field) + ": " + problem);
    }
}
