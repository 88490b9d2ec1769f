package org.arcc.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform keeps its data and which ports it uses; each can be changed with an environment
 * variable (docs/operations.md).
 */
record LocalSettings(Path root, Path home, int postgresPort, String externalPostgresUrl, int kafkaPort,
        int kafkaControllerPort, String externalKafka, int keycloakPort, String externalKeycloak, int casesPort,
        int evidencePort, int legalPort, int reportsPort, int gatewayPort) {

    static LocalSettings fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("ARCC_LOCAL_HOME", root.resolve(".local").toString())).toAbsolutePath();
        return new LocalSettings(root, home,
                port(env, "ARCC_PG_PORT", 15432), env.get("ARCC_PG_URL"),
                port(env, "ARCC_KAFKA_PORT", 9092), port(env, "ARCC_KAFKA_CONTROLLER_PORT", 9093), env.get("ARCC_KAFKA_BOOTSTRAP"),
                port(env, "ARCC_KEYCLOAK_PORT", 8180), env.get("ARCC_OIDC_URL"),
                port(env, "ARCC_CASES_PORT", 8081), port(env, "ARCC_EVIDENCE_PORT", 8082),
                port(env, "ARCC_LEGAL_PORT", 8083), port(env, "ARCC_REPORTS_PORT", 8084),
                port(env, "ARCC_GATEWAY_PORT", 8080));
    }

    /**
     * Tracing for every service and the gateway: with {@code ARCC_OTLP_ENDPOINT} set (an OTLP/HTTP collector, e.g.
     * {@code http://localhost:4318}) they export every trace there ({@code ARCC_TRACE_SAMPLING}, default 1 here);
     * unset, nothing is exported (docs/operations.md).
     */
    Map<String, String> tracing() {
        String endpoint = System.getenv("ARCC_OTLP_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return Map.of();
        }
        return Map.of("ARCC_OTLP_ENDPOINT", endpoint.trim(),
                "ARCC_TRACE_SAMPLING", System.getenv().getOrDefault("ARCC_TRACE_SAMPLING", "1"));
    }

    /** The same platform's settings for another home (a platform the tests started in a temporary one). */
    LocalSettings withHome(Path otherHome) {
        return new LocalSettings(root, otherHome, postgresPort, externalPostgresUrl, kafkaPort, kafkaControllerPort,
                externalKafka, keycloakPort, externalKeycloak, casesPort, evidencePort, legalPort, reportsPort, gatewayPort);
    }

    Path logs() {
        return home.resolve("logs");
    }

    /** The pid file of each running component, and the control requests of {@code arcc-local kill|stop|start|restart}. */
    Path run() {
        return home.resolve("run");
    }

    String kafkaBootstrap() {
        return externalKafka != null ? externalKafka : "localhost:" + kafkaPort;
    }

    /** Services and clients must reach Keycloak by the same name: the token issuer must match. */
    String oidcUrl() {
        return externalKeycloak != null ? externalKeycloak : "http://localhost:" + keycloakPort + "/realms/arcc";
    }

    String keycloakBase() {
        return oidcUrl().substring(0, oidcUrl().indexOf("/realms/"));
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    String casesUrl() {
        return "http://localhost:" + casesPort;
    }

    String evidenceUrl() {
        return "http://localhost:" + evidencePort;
    }

    String legalUrl() {
        return "http://localhost:" + legalPort;
    }

    String reportsUrl() {
        return "http://localhost:" + reportsPort;
    }

    /**
     * The reporting database on an external PostgreSQL: {@code ARCC_PG_REPORTS_URL}, or the cases URL
     * ({@code ARCC_PG_URL}) with the database name {@code reporting} instead.
     */
    String externalReportsPostgresUrl() {
        String explicit = System.getenv("ARCC_PG_REPORTS_URL");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim();
        }
        return externalPostgresUrl == null ? null : externalPostgresUrl.replaceFirst("/[^/?]*(\\?|$)", "/reporting$1");
    }

    /**
     * The legal-aid database on an external PostgreSQL: {@code ARCC_PG_LEGAL_URL}, or the cases URL
     * ({@code ARCC_PG_URL}) with the database name {@code legal} instead.
     */
    String externalLegalPostgresUrl() {
        String explicit = System.getenv("ARCC_PG_LEGAL_URL");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim();
        }
        return externalPostgresUrl == null ? null : externalPostgresUrl.replaceFirst("/[^/?]*(\\?|$)", "/legal$1");
    }

    /**
     * The evidence database on an external PostgreSQL: {@code ARCC_PG_EVIDENCE_URL}, or the cases URL
     * ({@code ARCC_PG_URL}) with the database name {@code evidence} instead.
     */
    String externalEvidencePostgresUrl() {
        String explicit = System.getenv("ARCC_PG_EVIDENCE_URL");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim();
        }
        return externalPostgresUrl == null ? null : externalPostgresUrl.replaceFirst("/[^/?]*(\\?|$)", "/evidence$1");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
