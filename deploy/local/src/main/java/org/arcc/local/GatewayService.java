package org.arcc.local;

import java.util.Map;

/** The gateway: the one public entry (API under /api/v1, the dashboard), in front of every service. */
final class GatewayService extends QuarkusService {

    GatewayService(LocalSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    String jar() {
        return "gateway/target/quarkus-app/quarkus-run.jar";
    }

    @Override
    int port() {
        return settings.gatewayPort();
    }

    @Override
    String url() {
        return settings.gatewayUrl();
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>(keyTrust());
        // A verified token is remembered 10 s here instead of 5 min, under the 30 s key trust above: valid tokens are
        // refused within 30 s + 10 s + one 5 s clean-up of Keycloak going down (KeycloakDownIT).
        env.put("ARCC_GATEWAY_TOKEN_CACHE_MAX_AGE", "10S");
        env.putAll(Map.of("ARCC_CASES_URL", settings.casesUrl(), "ARCC_EVIDENCE_URL", settings.evidenceUrl(),
                "ARCC_LEGAL_URL", settings.legalUrl(), "ARCC_REPORTS_URL", settings.reportsUrl(),
                "ARCC_OIDC_URL", settings.oidcUrl()));
        return env;
    }
}
