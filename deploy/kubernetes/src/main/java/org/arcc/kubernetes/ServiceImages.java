package org.arcc.kubernetes;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

/**
 * Builds each service's and the gateway's image as an OCI tarball with Jib, without a Docker daemon and without
 * pulling a base image (no registry but Maven Central is reachable where this is built): the image starts from
 * {@code scratch} and gets a Java runtime made here with {@code jlink} from the JDK running the build, the C library
 * that runtime links against (copied from the build machine), a passwd entry for the non-root user 10001, and the
 * service's Quarkus fast-jar ({@code target/quarkus-app}) in four layers, so a new release changes only the small
 * application layer. docs/deployment.md, "Images", says what a production build uses instead.
 *
 * <p>Run by {@code ./mvnw -Pimages package}; the tarballs land in {@code deploy/kubernetes/target/images/}.
 */
public final class ServiceImages {

    /** Deployment name to module directory and port. */
    static final Map<String, String> MODULES = Map.of(
            "cases", "services/cases", "evidence", "services/evidence", "legal-aid", "services/legal-aid",
            "reporting", "services/reporting", "gateway", "gateway");
    static final Map<String, Integer> PORTS = Map.of(
            "cases", 8081, "evidence", 8082, "legal-aid", 8083, "reporting", 8084, "gateway", 8080);

    /** What a Quarkus service needs of the JDK (java.desktop for the medico-legal report PDFs). */
    static final List<String> RUNTIME_MODULES = List.of("java.se", "jdk.unsupported", "jdk.crypto.ec",
            "jdk.crypto.cryptoki", "jdk.management", "jdk.naming.dns", "jdk.zipfs", "jdk.localedata");

    static final String USER = "10001";
    private static final AbsoluteUnixPath JAVA_HOME = AbsoluteUnixPath.get("/opt/java");
    private static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/deployments");
    private static final Pattern LIBRARY = Pattern.compile("=>\\s+(/\\S+)|^\\s*(/\\S+)\\s+\\(");

    private ServiceImages() {
    }

    /** args: repository root, output directory, image tag, and optionally a comma-separated list of services. */
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String tag = args[2];
        Path runtime = jlink(out.resolve("runtime"));
        Path system = systemFiles(runtime, out.resolve("system"));
        Set<String> only = args.length > 3 && !args[3].isBlank() ? Set.of(args[3].split(",")) : MODULES.keySet();
        for (Map.Entry<String, String> service : new java.util.TreeMap<>(MODULES).entrySet()) {
            if (!only.contains(service.getKey())) {
                continue;
            }
            Path app = repo.resolve(service.getValue()).resolve("target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app + " is missing: package " + service.getValue() + " first");
            }
            Path tar = out.resolve(service.getKey() + ".tar");
            build(service.getKey(), tag, runtime, system, app, tar);
            System.out.println("Image arcc/" + service.getKey() + ":" + tag + " -> " + tar);
        }
    }

    static void build(String name, String tag, Path runtime, Path system, Path app, Path tar) throws Exception {
        JibContainerBuilder image = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .addFileEntriesLayer(directory("system", system, AbsoluteUnixPath.get("/")))
                .addFileEntriesLayer(directory("java-runtime", runtime, JAVA_HOME))
                .addFileEntriesLayer(directory("libraries", app.resolve("lib"), APP.resolve("lib")))
                .addFileEntriesLayer(directory("quarkus", app.resolve("quarkus"), APP.resolve("quarkus")))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("application")
                        .addEntryRecursive(app.resolve("app"), APP.resolve("app"))
                        .addEntry(app.resolve("quarkus-run.jar"), APP.resolve("quarkus-run.jar")).build())
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME.toString(), "LANG", "C.UTF-8",
                        "PATH", JAVA_HOME + "/bin"))
                .setWorkingDirectory(APP)
                .setUser(USER + ":" + USER)
                .setExposedPorts(Set.of(Port.tcp(PORTS.get(name))))
                .setEntrypoint(JAVA_HOME + "/bin/java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-jar", APP + "/quarkus-run.jar")
                .addLabel("org.opencontainers.image.title", "arcc-" + name);
        Files.createDirectories(tar.getParent());
        image.containerize(Containerizer.to(TarImage.at(tar).named("arcc/" + name + ":" + tag)));
    }

    /** A layer of a directory tree, keeping files executable that are executable here. */
    static FileEntriesLayer directory(String layer, Path source, AbsoluteUnixPath target) throws IOException {
        FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(layer);
        // the image's root directory exists already: add what is in it, not the directory itself
        List<Path> roots = new ArrayList<>();
        if ("/".equals(target.toString())) {
            try (Stream<Path> children = Files.list(source)) {
                children.sorted().forEach(roots::add);
            }
        } else {
            roots.add(source);
        }
        for (Path root : roots) {
            AbsoluteUnixPath into = roots.size() == 1 && root.equals(source) ? target
                    : target.resolve(root.getFileName().toString());
            builder.addEntryRecursive(root, into,
                    (file, inContainer) -> "/tmp".equals(inContainer.toString()) ? FilePermissions.fromOctalString("777")
                            : Files.isDirectory(file) || Files.isExecutable(file)
                                    ? FilePermissions.fromOctalString("755") : FilePermissions.fromOctalString("644"),
                    FileEntriesLayer.DEFAULT_MODIFICATION_TIME_PROVIDER);
        }
        return builder.build();
    }

    /** A Java runtime of {@link #RUNTIME_MODULES} (those this JDK has), made by jlink from the running JDK. */
    static Path jlink(Path target) throws IOException {
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (Files.isDirectory(target)) {
            return target;
        }
        List<String> modules = RUNTIME_MODULES.stream().filter(m -> Files.exists(jmods.resolve(m + ".jmod"))).toList();
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException(
                "jlink not found: build the images with a JDK (not a JRE)"));
        StringWriter log = new StringWriter();
        int exit = jlink.run(new PrintWriter(log), new PrintWriter(log), "--module-path", jmods.toString(),
                "--add-modules", String.join(",", modules), "--strip-debug", "--no-man-pages", "--no-header-files",
                "--output", target.toString());
        if (exit != 0) {
            throw new IllegalStateException("jlink failed: " + log);
        }
        // Debian's JDK keeps its CA certificates outside the JDK; put the real file in the runtime.
        Path cacerts = target.resolve("lib/security/cacerts");
        Path real = Path.of(System.getProperty("java.home"), "lib/security/cacerts").toRealPath();
        Files.deleteIfExists(cacerts);
        Files.copy(real, cacerts);
        return target;
    }

    /**
     * The files of the operating system the runtime needs: the shared libraries its binaries link against (found
     * with ldd, copied with their content under their path), and /etc/passwd and /etc/group naming user 10001.
     */
    static Path systemFiles(Path runtime, Path target) throws IOException, InterruptedException {
        Set<String> libraries = new TreeSet<>();
        List<Path> binaries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(f -> f.toString().endsWith(".so") || f.endsWith("bin/java")).forEach(binaries::add);
        }
        for (Path binary : binaries) {
            Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor(30, TimeUnit.SECONDS);
            for (String line : output.lines().toList()) {
                Matcher m = LIBRARY.matcher(line);
                if (m.find()) {
                    String path = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!path.startsWith(runtime.toAbsolutePath().toString())) {
                        libraries.add(path);
                    }
                }
            }
        }
        for (String library : libraries) {
            Path copy = target.resolve(library.substring(1));
            Files.createDirectories(copy.getParent());
            Files.copy(Path.of(library).toRealPath(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path etc = Files.createDirectories(target.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\narcc:x:" + USER + ":" + USER
                + ":ARCC service:/deployments:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\narcc:x:" + USER + ":\n");
        Files.createDirectories(target.resolve("tmp"));
        return target;
    }
}
