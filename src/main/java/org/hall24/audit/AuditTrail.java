package org.hall24.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * Reads and checks the audit trail. Entries are written only by the audit module itself, from
 * the events other modules publish.
 */
public interface AuditTrail {

    /** The newest entries first, at most {@code limit}. */
    List<AuditEntry> latest(int limit);

    /** The entries about one subject, oldest first. */
    List<AuditEntry> about(String subject);

    /**
     * Recomputes the chain.
     *
     * @return the sequence of the first entry whose hash does not match its content and
     *         predecessor, or empty when the whole chain is intact
     */
    OptionalLong firstBrokenEntry();
}
