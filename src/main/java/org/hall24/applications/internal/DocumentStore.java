package org.hall24.applications.internal;

import java.util.UUID;

/**
 * Where file contents live, by id: a local folder by default ({@link FileSystemDocumentStore}),
 * S3-compatible object storage later. Contents handed in are already encrypted.
 */
interface DocumentStore {

    /** Stores the bytes under the id; fails if the id exists. */
    void put(UUID id, byte[] bytes);

    /** The bytes stored under the id. @throws java.io.UncheckedIOException if there are none */
    byte[] get(UUID id);

    /** Removes the id's bytes, if any. */
    void delete(UUID id);

    boolean exists(UUID id);
}
