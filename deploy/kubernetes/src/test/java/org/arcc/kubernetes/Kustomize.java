package org.arcc.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Runs {@code kubectl kustomize} (kustomize is built into kubectl; .ci/run installs Debian's kubectl when it is
 * missing) on a directory of deploy/kubernetes and reads what it prints. The manifests are written for every
 * kustomize since v2.0.3, the one in Debian's kubectl, so the output is the same with a newer one.
 */
final class Kustomize {

    static final Path MODULE = GeneratedManifests.repositoryRoot(Path.of("")).resolve("deploy/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    /** The resources {@code dir} (e.g. {@code overlays/dev}) builds to. */
    static List<ObjectNode> build(String dir) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", MODULE.resolve(dir).toString()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // deprecation warnings of a newer kustomize for bases/patchesStrategicMerge are expected here
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            }
            return documents(out);
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl is needed (Debian package kubernetes-client, or any kubectl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> documents(String yaml) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (values.hasNextValue()) {
                JsonNode doc = (JsonNode) values.nextValue();
                if (doc instanceof ObjectNode object) {
                    docs.add(object);
                }
            }
        }
        return docs;
    }
}
