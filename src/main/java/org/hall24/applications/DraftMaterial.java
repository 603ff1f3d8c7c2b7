package org.hall24.applications;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A file attached to a draft, already checked and normalised.
 *
 * @param id the file's id
 * @param index the material it belongs to: its index in the item's {@code materials()}
 * @param contentType {@code image/jpeg} (every image is re-encoded as JPEG) or {@code application/pdf}
 * @param size the normalised content's size in bytes
 * @param pages 1 for an image, the page count of a PDF
 * @param fileName the name the file came with, for display only (never trusted)
 * @param source where it came from
 * @param content the normalised content
 * @param thumbnail a small JPEG (at most 240 px on the long side) for the review screen
 */
public record DraftMaterial(UUID id, int index, String contentType, long size, int pages, @Nullable String fileName,
        MaterialSource source, byte[] content, byte[] thumbnail) {

    @Override
    public String toString() {
        return "DraftMaterial[" + id + ", material " + index + ", " + contentType + ", " + size + " bytes, " + pages + " page(s)]";
    }
}
