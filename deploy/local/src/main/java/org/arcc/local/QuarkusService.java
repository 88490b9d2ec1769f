package org.arcc.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service (or the gateway) from its built Quarkus application, in a small JVM of its own. */
abstract class QuarkusService extends ProcessComponent {

    QuarkusService(LocalSettings settings) {
        super(settings);
    }

    /** Its {@code quarkus-run.jar}, relative to the repository root. */
    abstract String jar();

    abstract int port();

    abstract String url();

    /** Its environment besides {@code QUARKUS_HTTP_PORT}: databases, broker, OIDC, keys. */
    abstract Map<String, String> environment();

    @Override
    public Map<String, Integer> ports() {
        return Map.of(name(), port());
    }

    @Override
    final ChildProcess launch() {
        Path jar = settings.root().resolve(jar());
        if (!Files.exists(jar)) {
            throw new PlatformException(name() + " is not built (" + jar + " is missing); run ./mvnw install -DskipTests");
        }
        Map<String, String> env = new java.util.LinkedHashMap<>(environment());
        env.putAll(settings.tracing());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port()));
        // Two malloc arenas instead of glibc's eight per core: the JVM's native allocations (JIT, JDBC, Netty) no
        // longer spread over many half-empty arenas; 15 to 49 MB less resident per service once ready (issue 17,
        // docs/benchmarks.md "Platform ratios").
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        // The JIT's and the JDBC driver's native buffers are freed after a burst but glibc keeps the pages: trimming
        // the C heap every 5 s gives them back (cases after the bench's load: 370 → 312 MB with one trim, issue 17).
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xms32m",
                "-Xmx192m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:MaxDirectMemorySize=64m"));
        if (trimsNativeHeap(Runtime.version())) {
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        command.addAll(List.of("-jar", jar.toString()));
        return ChildProcess.start(name(), command,
                env, settings.root(), settings.logs());
    }

    /**
     * Whether this JDK (the launcher's, which runs the services) knows {@code -XX:TrimNativeHeapInterval}: 17.0.9
     * and 21.0.1 onwards (an unknown option would stop the JVM from starting).
     */
    static boolean trimsNativeHeap(Runtime.Version version) {
        int feature = version.feature();
        int update = version.update();
        return feature >= 22 || (feature == 21 && update >= 1) || (feature == 17 && update >= 9);
    }

    @Override
    final void awaitReady(ChildProcess process) {
        // Generous: a restarted service (arcc-local start) may need minutes on a loaded machine.
        process.awaitHttpOk(url() + "/q/health/ready", Duration.ofSeconds(180));
    }

    @Override
    final String readiness() {
        return "ready at " + url();
    }

    /** The Kafka bootstrap and OIDC URL every service gets. */
    final Map<String, String> platformEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>(keyTrust());
        env.put("ARCC_OIDC_URL", settings.oidcUrl());
        env.put("ARCC_KAFKA_BOOTSTRAP", settings.kafkaBootstrap());
        return env;
    }

    /**
     * Keycloak's signing keys are trusted 30 s here instead of production's 10 min (docs/security.md), so that the
     * fault suite sees the platform refuse even valid tokens soon after Keycloak goes down.
     */
    static Map<String, String> keyTrust() {
        return Map.of("ARCC_OIDC_JWKS_TTL", "30S", "ARCC_OIDC_JWKS_CLEAN_UP", "5S");
    }
}
