package org.hall24.applications.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Documents as files named by id under {@code hall24.documents.dir} (default {@code data/documents}),
 * written to a temporary file and moved into place, so a reader never sees half a file.
 */
@Component
class FileSystemDocumentStore implements DocumentStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path dir;

    FileSystemDocumentStore(@Value("${hall24.documents.dir:data/documents}") Path dir) {
        this.dir = dir;
    }

    @Override
    public void put(String id, byte[] bytes) {
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
    public byte[] get(String id) {
        try {
            return Files.readAllBytes(path(id));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + id, e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            Files.deleteIfExists(path(id));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete document " + id, e);
        }
    }

    @Override
    public boolean exists(String id) {
        return Files.exists(path(id));
    }

    private Path path(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a document id: " + id);
        }
        return dir.resolve(id);
    }
}
