package org.arcc.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        return ChildProcess.start(name(), List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xms32m", "-Xmx192m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:MaxDirectMemorySize=64m", "-jar", jar.toString()),
                env, settings.root(), settings.logs());
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
