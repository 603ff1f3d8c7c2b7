package org.hall24.applications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents stay inside their folder: ids are UUIDs (issue 9, point 10: a string id let {@code ..}
 * through), and a relative folder is resolved once.
 */
class FileSystemDocumentStoreTest {

    @TempDir
    Path root;

    @Test
    void aDocumentIsStoredAsOneFileNamedByItsIdInsideTheFolder() throws IOException {
        Path dir = root.resolve("documents");
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir);
        UUID id = UUID.randomUUID();

        store.put(id, new byte[] {1, 2, 3});

        assertThat(store.exists(id)).isTrue();
        assertThat(store.get(id)).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(id.toString());
        }
        store.delete(id);
        assertThat(store.exists(id)).isFalse();
        assertThatThrownBy(() -> store.get(id)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aFolderGivenWithDotDotStillKeepsEveryDocumentInsideIt() throws IOException {
        Path dir = root.resolve("a/../documents");
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir);
        UUID id = UUID.randomUUID();

        store.put(id, new byte[] {7});

        assertThat(Files.readAllBytes(root.resolve("documents").resolve(id.toString()))).containsExactly(7);
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("documents");
        }
    }
}
