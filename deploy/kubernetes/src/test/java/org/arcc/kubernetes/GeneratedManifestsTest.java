package org.arcc.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The generated manifests in the repository are exactly what the code makes of the topic catalogue and the
 * development realm. With {@code -Darcc.kubernetes.regenerate=true} it rewrites them instead.
 */
class GeneratedManifestsTest {

    static final Path REPO = GeneratedManifests.repositoryRoot(Path.of(""));
    static final Path MODULE = REPO.resolve("deploy/kubernetes");

    @Test
    void generatedFilesAreUpToDate() throws IOException {
        boolean regenerate = Boolean.getBoolean("arcc.kubernetes.regenerate");
        for (Map.Entry<String, String> file : GeneratedManifests.all(REPO).entrySet()) {
            Path path = MODULE.resolve(file.getKey());
            if (regenerate) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            assertThat(path).as("%s is generated; regenerate it (see its first lines)", file.getKey()).exists();
            assertThat(Files.readString(path))
                    .as("%s differs from what the catalogue and the realm make; regenerate it (see its first lines)",
                            file.getKey())
                    .isEqualTo(file.getValue());
        }
    }
}
