package org.arcc.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The image {@link ServiceImages} writes, on a stand-in runtime and application (the real ones are made by
 * {@code -Pimages}, too slow for every build): an OCI image that runs the Quarkus fast-jar with the image's own Java
 * as user 10001, with a writable /tmp and the runtime's binaries executable.
 */
class ServiceImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theImageRunsTheServiceAsTheNonRootUserOnItsOwnJava(@TempDir Path dir) throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("runtime/bin"));
        Files.writeString(runtime.resolve("java"), "#!/bin/false\n");
        Files.setPosixFilePermissions(runtime.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path system = Files.createDirectories(dir.resolve("system/etc"));
        Files.writeString(system.resolve("passwd"), "arcc:x:10001:10001::/deployments:/sbin/nologin\n");
        Files.createDirectories(dir.resolve("system/tmp"));
        Path app = dir.resolve("quarkus-app");
        for (String file : new String[] { "quarkus-run.jar", "lib/boot/a.jar", "lib/main/b.jar", "quarkus/c.dat",
                "app/d.jar" }) {
            Files.createDirectories(app.resolve(file).getParent());
            Files.writeString(app.resolve(file), file);
        }

        Path tar = dir.resolve("out/cases.tar");
        ServiceImages.build("cases", "1.2.3", dir.resolve("runtime"), dir.resolve("system"), app, tar);

        Map<String, byte[]> oci = entries(Files.newInputStream(tar), false);
        JsonNode index = JSON.readTree(oci.get("index.json"));
        JsonNode manifest = JSON.readTree(oci.get(blob(index.at("/manifests/0/digest").asText())));
        JsonNode config = JSON.readTree(oci.get(blob(manifest.at("/config/digest").asText()))).path("config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("Entrypoint").get(0).asText()).isEqualTo("/opt/java/bin/java");
        assertThat(config.path("Entrypoint").toString()).contains("/deployments/quarkus-run.jar");
        assertThat(config.path("ExposedPorts").has("8081/tcp")).isTrue();
        assertThat(index.at("/manifests/0/annotations/org.opencontainers.image.ref.name").asText()).isEqualTo("arcc/cases:1.2.3");

        Map<String, Integer> modes = new HashMap<>();
        for (JsonNode layer : manifest.path("layers")) {
            try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(
                    new java.io.ByteArrayInputStream(oci.get(blob(layer.path("digest").asText())))))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    modes.put(e.getName().replaceAll("/$", ""), e.getMode() & 0777);
                }
            }
        }
        assertThat(modes).containsEntry("opt/java/bin/java", 0755).containsEntry("tmp", 0777)
                .containsEntry("etc/passwd", 0644).containsKeys("deployments/quarkus-run.jar",
                        "deployments/lib/boot/a.jar", "deployments/quarkus/c.dat", "deployments/app/d.jar");
    }

    private static String blob(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private static Map<String, byte[]> entries(InputStream tar, boolean gzip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(gzip ? new GZIPInputStream(tar) : tar)) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                files.put(e.getName(), bytes.toByteArray());
            }
        }
        return files;
    }
}
