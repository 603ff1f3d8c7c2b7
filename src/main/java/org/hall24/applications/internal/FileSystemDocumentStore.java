package org.hall24.applications.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Documents as files named by id under {@code hall24.documents.dir} (default {@code data/documents}),
 * written to a temporary file and moved into place, so a reader never sees half a file. Ids are
 * UUIDs, so no id can name a path (a string id once let {@code ..} through); the resolved path is
 * still checked to stay inside the folder.
 */
@Component
class FileSystemDocumentStore implements DocumentStore {

    private final Path dir;

    FileSystemDocumentStore(@Value("${hall24.documents.dir:data/documents}") Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public void put(UUID id, byte[] bytes) {
        Path target = path(id);
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".upload-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + id, e);
        }
    }

    @Override
    public byte[] get(UUID id) {
        try {
            return Files.readAllBytes(path(id));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + id, e);
        }
    }

    @Override
    public void delete(UUID id) {
        try {
            Files.deleteIfExists(path(id));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete document " + id, e);
        }
    }

    @Override
    public boolean exists(UUID id) {
        return Files.exists(path(id));
    }

    private Path path(UUID id) {
        Path path = dir.resolve(id.toString()).normalize();
        if (!dir.equals(path.getParent())) {
            throw new IllegalArgumentException("document " + id + " resolves outside " + dir);
        }
        return path;
    }
}
