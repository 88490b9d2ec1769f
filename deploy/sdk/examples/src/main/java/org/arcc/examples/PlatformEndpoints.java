package org.arcc.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where the platform is: its gateway (all APIs) and its Keycloak (tokens, realm {@code arcc}). From the environment
 * as the local platform uses it ({@code ARCC_GATEWAY_URL}, or {@code ARCC_GATEWAY_PORT} on localhost, default 8080;
 * {@code ARCC_KEYCLOAK_URL}, or {@code ARCC_KEYCLOAK_PORT}, default 8180), so the same example runs against CI's
 * default ports and a platform started on other ones.
 */
public record PlatformEndpoints(String gatewayUrl, String keycloakUrl) {

    public static PlatformEndpoints fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static PlatformEndpoints fromEnvironment(Map<String, String> env) {
        return new PlatformEndpoints(
                url(env, "ARCC_GATEWAY_URL", "ARCC_GATEWAY_PORT", "8080"),
                url(env, "ARCC_KEYCLOAK_URL", "ARCC_KEYCLOAK_PORT", "8180"));
    }

    private static String url(Map<String, String> env, String urlVariable, String portVariable, String defaultPort) {
        String url = env.get(urlVariable);
        if (url != null && !url.isBlank()) {
            return url;
        }
        return "http://localhost:" + env.getOrDefault(portVariable, defaultPort);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Waits until the condition holds or the time is up; the platform's work across services (events, webhooks)
     * completes a moment after the call that started it.
     */
    static boolean waitUntil(Duration atMost, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
