package org.hall24.applications;

import java.util.UUID;

/**
 * A stored file of a filing. The content is in the document store, encrypted; read it with
 * {@link Applications#materialContent(String, UUID, String)}.
 *
 * @param id the file's id
 * @param index the material it belongs to: its index in the pinned item version's {@code materials()}
 * @param contentType {@code image/jpeg} or {@code application/pdf}
 * @param size bytes of the (clear) content
 * @param pages pages
 * @param sha256 the clear content's SHA-256, hex
 * @param source where it came from
 */
public record FiledMaterial(UUID id, int index, String contentType, long size, int pages, String sha256,
        MaterialSource source) {
}
