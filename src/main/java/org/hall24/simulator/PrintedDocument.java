package org.hall24.simulator;

import java.time.Instant;
import java.util.Arrays;

/**
 * A document a simulated kiosk printed: what a demo user would take from the printer's tray.
 *
 * @param commandId  the {@code print} command's id
 * @param documentId the command's {@code documentId} (its id when the command named none)
 * @param format     the media type, {@code application/pdf}
 * @param printedAt  when the printer took it
 * @param pages      the number of pages, or 0 when the PDF could not be parsed to count them
 */
public record PrintedDocument(String commandId, String documentId, String format, byte[] content, Instant printedAt, int pages) {

    public PrintedDocument {
        content = content.clone();
    }

    /** The printed bytes (a copy). */
    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrintedDocument p && commandId.equals(p.commandId) && documentId.equals(p.documentId)
                && format.equals(p.format) && Arrays.equals(content, p.content) && printedAt.equals(p.printedAt) && pages == p.pages;
    }

    @Override
    public int hashCode() {
        return 31 * commandId.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "PrintedDocument[" + documentId + ", " + format + ", " + content.length + " bytes, " + pages + " pages, " + printedAt + "]";
    }
}
