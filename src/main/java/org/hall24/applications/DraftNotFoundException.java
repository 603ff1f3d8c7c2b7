package org.hall24.applications;

import java.util.UUID;

/** No draft has this id: it was never opened, was submitted, or its session ended. */
public class DraftNotFoundException extends RuntimeException {

    public DraftNotFoundException(UUID id) {
        super("no draft " + id);
    }
}
