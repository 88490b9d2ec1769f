package org.arcc.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A real OIDC provider for tests (discovery document and JWKS served over HTTP by WireMock), with the
 * service pointed at it. Tokens come from {@link Tokens}, signed with the key this server publishes.
 */
public class OidcTestServerResource extends OidcWiremockTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus");
        config.put("quarkus.oidc.token.audience", Tokens.AUDIENCE);
        return config;
    }
}
