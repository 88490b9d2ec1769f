package org.arcc.bench;

import java.util.Map;

/**
 * Where the platform under test listens, from the same environment variables as {@code deploy/local/arcc-local}
 * (docs/operations.md), defaulting to the standard ports: so the bench runs against a platform on its own ports
 * here and on the defaults in CI or on a fresh machine.
 */
record BenchTarget(String kafkaBootstrap, String oidcUrl, String gatewayUrl) {

    static BenchTarget fromEnvironment(Map<String, String> env) {
        String kafka = env.getOrDefault("ARCC_KAFKA_BOOTSTRAP", "localhost:" + env.getOrDefault("ARCC_KAFKA_PORT", "9092"));
        String oidc = env.getOrDefault("ARCC_OIDC_URL",
                "http://localhost:" + env.getOrDefault("ARCC_KEYCLOAK_PORT", "8180") + "/realms/arcc");
        String gateway = "http://localhost:" + env.getOrDefault("ARCC_GATEWAY_PORT", "8080");
        return new BenchTarget(kafka, oidc, gateway);
    }
}
